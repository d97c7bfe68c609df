/**
 * Asks whether a new 说明 sheet replaces the one the add-in inserted before (the default answer keeps it).
 * Only the 说明 page asks this, so the dialog and its Fluent parts travel in that page's chunk.
 */
import * as React from "react";
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from "@fluentui/react-components";
import { S } from "./strings";

export interface ReplaceSheetDialogProps {
  /** the add-in's earlier 说明 sheet, or null when nothing is being asked */
  sheet: string | null;
  onAnswer(replace: boolean): void;
}

export function ReplaceSheetDialog({ sheet, onAnswer }: ReplaceSheetDialogProps) {
  return (
    <Dialog open={sheet !== null} onOpenChange={(_, d) => !d.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{S.narrative.replaceTitle}</DialogTitle>
          <DialogContent>{sheet !== null ? S.narrative.replaceBody(sheet) : null}</DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid="insert-new-sheet" onClick={() => onAnswer(false)}>
              {S.narrative.insertNew}
            </Button>
            <Button data-testid="replace-own-sheet" onClick={() => onAnswer(true)}>
              {sheet !== null ? S.narrative.replaceOwn(sheet) : null}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
