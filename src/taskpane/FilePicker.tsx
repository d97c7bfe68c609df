/**
 * A file chooser with a Chinese button and the chosen file's name, instead of the browser's own
 * "Choose File / No file chosen" (which follows the browser's language, not the pane's).
 * The real <input type="file"> stays in the page, visually hidden, so keyboard users and tests reach it.
 */
import * as React from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { S } from "./strings";

const useStyles = makeStyles({
  root: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
  name: { color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
});

export interface FilePickerProps {
  /** button text, e.g. "选择文件…" */
  label: string;
  accept: string;
  onFile(file: File | undefined): void;
  "data-testid"?: string;
  /** lets the owner reset the chosen file */
  inputRef?: React.Ref<HTMLInputElement>;
}

export function FilePicker({ label, accept, onFile, inputRef, "data-testid": testId }: FilePickerProps) {
  const styles = useStyles();
  const own = React.useRef<HTMLInputElement | null>(null);
  const [name, setName] = React.useState<string | null>(null);
  const setRefs = (element: HTMLInputElement | null) => {
    own.current = element;
    if (typeof inputRef === "function") inputRef(element);
    else if (inputRef) (inputRef as React.MutableRefObject<HTMLInputElement | null>).current = element;
  };
  return (
    <span className={styles.root}>
      <input
        ref={setRefs}
        type="file"
        accept={accept}
        className={styles.hidden}
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          setName(file?.name ?? null);
          onFile(file);
        }}
      />
      <Button size="small" onClick={() => own.current?.click()}>
        {label}
      </Button>
      <Text size={200} className={styles.name}>
        {name ?? S.files.noneChosen}
      </Text>
    </span>
  );
}
