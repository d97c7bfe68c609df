/**
 * Browser demo for machines without Excel: the workbook on the left (DemoGrid over a MemoryWorkbookPort),
 * the real task pane on the right. Loads a bundled sample (?fixture=<name>, default beijing-xicheng-2023)
 * or any .xlsx the user picks (read locally with FileReader; nothing leaves the machine).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { WorkbookSnapshot } from "../domain/grid";
import { MemoryWorkbookPort } from "../memory/memory-port";
import { App } from "../taskpane/App";
import { exportNarrativeDocx } from "../taskpane/docx-export";
import { readFileBytes } from "../taskpane/files";
import { readWorkbookBuffer } from "../xlsx/read-workbook";
import { DemoGrid } from "./DemoGrid";
import { DEFAULT_FIXTURE, FIXTURES, isFixtureName } from "./fixtures";
import { D } from "./strings";

type Loaded = { port: MemoryWorkbookPort; id: number; label: string };
type Status = { kind: "loading"; label: string } | { kind: "error"; message: string } | { kind: "ready" };

/** The demo's own bundled sample, fetched from the same origin that served this page. */
async function loadFixture(name: string): Promise<WorkbookSnapshot> {
  if (!isFixtureName(name)) throw new Error(D.badFixtureName(name));
  // eslint-disable-next-line no-restricted-globals -- same-origin static file shipped with the demo (dist/fixtures), not a network service
  const response = await fetch(`fixtures/${name}.xlsx`, { credentials: "same-origin" });
  if (!response.ok) throw new Error(D.fixtureMissing(name, response.status));
  return readWorkbookBuffer(await response.arrayBuffer(), `${name}.xlsx`);
}

function initialFixture(): string {
  const asked = new URLSearchParams(window.location.search).get("fixture");
  return asked && isFixtureName(asked) ? asked : DEFAULT_FIXTURE;
}

function DemoPage() {
  const [fixture, setFixture] = React.useState<string>(initialFixture);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [status, setStatus] = React.useState<Status>({ kind: "loading", label: `${fixture}.xlsx` });
  const nextId = React.useRef(1);
  const fileInput = React.useRef<HTMLInputElement>(null);

  const open = React.useCallback(async (label: string, read: () => Promise<WorkbookSnapshot>) => {
    setStatus({ kind: "loading", label });
    try {
      const snapshot = await read();
      setLoaded({ port: new MemoryWorkbookPort(snapshot), id: nextId.current++, label });
      setStatus({ kind: "ready" });
    } catch (e) {
      setStatus({ kind: "error", message: D.loadFailed(label, e instanceof Error ? e.message : String(e)) });
    }
  }, []);

  React.useEffect(() => {
    if (fixture) void open(`${fixture}.xlsx`, () => loadFixture(fixture));
  }, [fixture, open]);

  const chooseFixture = (name: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set("fixture", name);
    window.history.replaceState(null, "", url);
    if (fileInput.current) fileInput.current.value = "";
    setFixture(name);
  };

  const openFile = (file: File | undefined) => {
    if (!file) return;
    setFixture("");
    void open(file.name, async () => readWorkbookBuffer(await readFileBytes(file), file.name));
  };

  const options = FIXTURES.some((f) => f.name === fixture) || !fixture ? FIXTURES : [...FIXTURES, { name: fixture, label: fixture }];

  return (
    <div className="demo-page">
      <header className="demo-header">
        <h1>{D.title}</h1>
        <label>
          {D.sample}{" "}
          <select value={fixture} onChange={(e) => chooseFixture(e.target.value)} data-testid="fixture-select">
            {!fixture && <option value="">{loaded ? D.customFile(loaded.label) : ""}</option>}
            {options.map((f) => (
              <option key={f.name} value={f.name}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {/* A Chinese button instead of the browser's own "Choose File / No file chosen"; the chosen file shows in the list. */}
        <button type="button" onClick={() => fileInput.current?.click()}>
          {D.openFile}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="open-file"
          onChange={(e) => openFile(e.target.files?.[0])}
        />
        <span className="demo-subtitle">{D.subtitle}</span>
      </header>
      {status.kind === "loading" && (
        <div className="demo-status" role="status" data-testid="demo-status">
          {D.loading(status.label)}
        </div>
      )}
      {status.kind === "error" && (
        <div className="demo-status demo-error" role="alert" data-testid="demo-error">
          {status.message}
        </div>
      )}
      {loaded && (
        <main className="demo-main" data-workbook={loaded.label}>
          <section className="demo-left">
            <DemoGrid key={loaded.id} port={loaded.port} />
          </section>
          <aside className="demo-pane" data-testid="pane">
            <App key={loaded.id} port={loaded.port} exportDocx={exportNarrativeDocx} readWorkbook={readWorkbookBuffer} />
          </aside>
        </main>
      )}
    </div>
  );
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<DemoPage />);
