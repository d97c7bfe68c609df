/**
 * 支出功能分类 类 names → codes, including older names, so T1/T4 class rows
 * printed without a code can be matched to T2/T3/T5 rows by code.
 */
const FUNCTION_CLASSES: Record<string, string> = {
  一般公共服务支出: "201",
  外交支出: "202",
  国防支出: "203",
  公共安全支出: "204",
  教育支出: "205",
  科学技术支出: "206",
  文化旅游体育与传媒支出: "207",
  文化体育与传媒支出: "207",
  社会保障和就业支出: "208",
  社会保险基金支出: "209",
  卫生健康支出: "210",
  医疗卫生与计划生育支出: "210",
  医疗卫生支出: "210",
  节能环保支出: "211",
  城乡社区支出: "212",
  农林水支出: "213",
  交通运输支出: "214",
  资源勘探工业信息等支出: "215",
  资源勘探信息等支出: "215",
  商业服务业等支出: "216",
  金融支出: "217",
  援助其他地区支出: "219",
  自然资源海洋气象等支出: "220",
  国土海洋气象等支出: "220",
  住房保障支出: "221",
  粮油物资储备支出: "222",
  国有资本经营预算支出: "223",
  灾害防治及应急管理支出: "224",
  预备费: "227",
  其他支出: "229",
  转移性支出: "230",
  债务还本支出: "231",
  债务付息支出: "232",
  债务发行费用支出: "233",
  抗疫特别国债安排的支出: "234",
};

/** Code of a 功能分类 类 printed by name ("六、科学技术支出" → "206"), or undefined. */
export function functionClassCode(label: string): string | undefined {
  return FUNCTION_CLASSES[label];
}

/** 经济分类 类 of a T6 code → which 经费 it belongs to. */
export function economicGroup(code: string): "personnel" | "public" | undefined {
  const cls = code.slice(0, 3);
  if (cls === "301" || cls === "303") return "personnel";
  if (cls === "302" || cls === "307" || cls === "309" || cls === "310" || cls === "399") return "public";
  return undefined;
}
