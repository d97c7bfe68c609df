/** 设置 tab: the CheckSettings the engine uses (shown again with every result that depended on them). */
import * as React from "react";
import { Button, Field, Input, makeStyles, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, type CheckSettings } from "../domain/findings";
import { isValidAmount } from "./settings-storage";
import { S } from "./strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL },
  muted: { color: tokens.colorNeutralForeground3 },
  amount: { maxWidth: "12em" },
});

export interface SettingsPanelProps {
  settings: CheckSettings;
  onChange(settings: CheckSettings): void;
  /** settings survive a restart (localStorage available) */
  persisted: boolean;
}

export function SettingsPanel({ settings, onChange, persisted }: SettingsPanelProps) {
  const styles = useStyles();
  const [amount, setAmount] = React.useState(settings.tolerance.kind === "fixed" ? settings.tolerance.amount : "0.01");
  const amountValid = isValidAmount(amount);
  const decimals = (value: string) => Number(value) as 0 | 1 | 2;

  return (
    <div className={styles.root} data-testid="settings-panel">
      <Text weight="semibold">{S.settings.heading}</Text>
      <Field label={S.settings.tolerance}>
        <RadioGroup
          value={settings.tolerance.kind}
          onChange={(_, d) => {
            if (d.value === "fixed") {
              if (amountValid) onChange({ ...settings, tolerance: { kind: "fixed", amount: amount.trim() } });
              else onChange({ ...settings, tolerance: { kind: "fixed", amount: "0.01" } });
            } else onChange({ ...settings, tolerance: { kind: d.value as "envelope" | "strict" } });
          }}
        >
          <Radio value="envelope" label={S.settings.toleranceEnvelope} />
          <Radio value="strict" label={S.settings.toleranceStrict} />
          <Radio value="fixed" label={S.settings.toleranceFixed} />
        </RadioGroup>
      </Field>
      {settings.tolerance.kind === "fixed" && (
        <Field
          label={S.settings.fixedAmount}
          validationState={amountValid ? "none" : "error"}
          validationMessage={amountValid ? undefined : S.settings.fixedAmountInvalid}
        >
          <Input
            className={styles.amount}
            value={amount}
            inputMode="decimal"
            data-testid="tolerance-amount"
            onChange={(_, d) => {
              setAmount(d.value);
              if (isValidAmount(d.value)) onChange({ ...settings, tolerance: { kind: "fixed", amount: d.value.trim() } });
            }}
          />
        </Field>
      )}
      <Field label={S.settings.percentDecimals}>
        <RadioGroup
          layout="horizontal"
          value={String(settings.percentDecimals)}
          onChange={(_, d) => onChange({ ...settings, percentDecimals: decimals(d.value) })}
          data-testid="percent-decimals"
        >
          <Radio value="0" label="0" />
          <Radio value="1" label="1" />
          <Radio value="2" label="2" />
        </RadioGroup>
      </Field>
      <Field label={S.settings.reverseFormula}>
        <RadioGroup
          value={settings.reverseFormula}
          onChange={(_, d) => onChange({ ...settings, reverseFormula: d.value as CheckSettings["reverseFormula"] })}
        >
          <Radio value="pmkpi" label={S.settings.reversePmkpi} />
          <Radio value="ratio" label={S.settings.reverseRatio} />
        </RadioGroup>
      </Field>
      <Field label={S.settings.scoreDecimals}>
        <RadioGroup
          layout="horizontal"
          value={String(settings.scoreDecimals)}
          onChange={(_, d) => onChange({ ...settings, scoreDecimals: decimals(d.value) })}
        >
          <Radio value="0" label="0" />
          <Radio value="1" label="1" />
          <Radio value="2" label="2" />
        </RadioGroup>
      </Field>
      <div>
        <Button
          onClick={() => {
            setAmount("0.01");
            onChange(DEFAULT_SETTINGS);
          }}
        >
          {S.settings.reset}
        </Button>
      </div>
      <Text size={200} className={styles.muted} data-testid="settings-persistence">
        {persisted ? S.settings.saved : S.settings.notSaved}
      </Text>
    </div>
  );
}
