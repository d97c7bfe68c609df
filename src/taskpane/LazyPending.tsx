/** A part of the pane still arriving, or the zh-CN explanation with 重试 when its chunk could not be fetched. */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { S } from "./strings";

export function LazyPending({ failed, onRetry }: { failed: boolean; onRetry(): void }) {
  if (!failed) return <Spinner size="small" label={S.lazy.loading} />;
  return (
    <MessageBar intent="error" data-testid="lazy-failed">
      <MessageBarBody>
        <MessageBarTitle>{S.lazy.failedTitle}</MessageBarTitle>
        {S.lazy.failedBody}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{S.lazy.retry}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
