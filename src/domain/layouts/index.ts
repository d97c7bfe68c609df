/**
 * Every standard layout, in the order titles are tried: the longer, more specific titles first,
 * so "一般公共预算财政拨款支出决算表" is never read as "支出决算表".
 */
import { expenditure } from "./expenditure";
import { fiscalSummary } from "./fiscal-summary";
import { generalBudgetBasicExpenditure, governmentFundBasicExpenditure } from "./general-budget-basic-expenditure";
import { generalBudgetExpenditure, projectExpenditure } from "./general-budget-expenditure";
import { governmentFund, stateCapital } from "./government-fund";
import { income } from "./income";
import { incomeExpenditureSummary } from "./income-expenditure-summary";
import { governmentProcurement, governmentPurchasedServices } from "./regional-extras";
import type { LayoutSpec } from "./spec";
import { threePublicExpenses } from "./three-public-expenses";

export const LAYOUTS: readonly LayoutSpec[] = [
  threePublicExpenses,
  governmentFundBasicExpenditure,
  governmentFund,
  stateCapital,
  governmentProcurement,
  governmentPurchasedServices,
  fiscalSummary,
  generalBudgetBasicExpenditure,
  projectExpenditure,
  generalBudgetExpenditure,
  incomeExpenditureSummary,
  income,
  expenditure,
];

export type { LayoutSpec, RowAssignment } from "./spec";
