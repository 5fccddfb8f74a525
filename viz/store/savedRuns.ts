import { yieldToPage, type ComparisonResult } from "../engine/runComparison.js";

/** A comparison kept in the browser (IndexedDB), with what is needed to open it again. */
export interface SavedRun {
  /** Assigned by the store. */
  id?: number;
  /** Shown in the list (scenario names, seed, replications). */
  title: string;
  savedAt: string;
  /** The share-link state that set it up (so it can be reopened and rerun). */
  share: string;
  comparison: ComparisonResult;
}

/** The list entry of a saved run (without its figures). */
export type SavedRunEntry = Pick<SavedRun, "title" | "savedAt" | "share"> & { id: number };

/**
 * How a run is stored: the comparison as JSON text in pieces (one per scenario), made
 * between other tasks — cloning the whole object into IndexedDB at once would hold the
 * page for a quarter of a second with six scenarios.
 */
interface StoredRun extends SavedRunEntry {
  head: string;
  outcomes: string[];
}

const DB = "gridgov";
const STORE = "runs";

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const r = factory.open(DB, 2);
  r.onupgradeneeded = () => {
    const db = r.result;
    if (db.objectStoreNames.contains(STORE)) db.deleteObjectStore(STORE);
    db.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
  };
  return request(r);
}

/**
 * Saved runs in IndexedDB: they survive a reload and stay on this device. Each
 * call opens the database briefly, so several tabs can use it.
 */
export class SavedRuns {
  constructor(private readonly factory: IDBFactory = indexedDB) {}

  private async tx<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const db = await open(this.factory);
    try {
      const t = db.transaction(STORE, mode);
      const result = await request(body(t.objectStore(STORE)));
      await new Promise<void>((resolve, reject) => {
        t.oncomplete = () => resolve();
        t.onerror = () => reject(t.error);
        t.onabort = () => reject(t.error);
      });
      return result;
    } finally {
      db.close();
    }
  }

  /** Stores a run; returns its id. */
  async save(run: SavedRun): Promise<number> {
    const { outcomes, ...head } = run.comparison;
    const pieces: string[] = [];
    for (const o of outcomes) {
      pieces.push(JSON.stringify(o));
      await yieldToPage();
    }
    const stored: Omit<StoredRun, "id"> = { title: run.title, savedAt: run.savedAt, share: run.share, head: JSON.stringify(head), outcomes: pieces };
    return (await this.tx("readwrite", (s) => s.add(stored))) as number;
  }

  /** The saved runs, newest first, without their figures. */
  async list(): Promise<SavedRunEntry[]> {
    const entries: SavedRunEntry[] = [];
    const db = await open(this.factory);
    try {
      await new Promise<void>((resolve, reject) => {
        const cursor = db.transaction(STORE, "readonly").objectStore(STORE).openCursor(null, "prev");
        cursor.onerror = () => reject(cursor.error);
        cursor.onsuccess = () => {
          const c = cursor.result;
          if (!c) return resolve();
          const { id, title, savedAt, share } = c.value as StoredRun;
          entries.push({ id, title, savedAt, share });
          c.continue();
        };
      });
    } finally {
      db.close();
    }
    return entries;
  }

  /** One saved run in full, or undefined. */
  async get(id: number): Promise<SavedRun | undefined> {
    const stored = (await this.tx("readonly", (s) => s.get(id))) as StoredRun | undefined;
    if (!stored) return undefined;
    const outcomes = [];
    for (const piece of stored.outcomes) {
      outcomes.push(JSON.parse(piece));
      await yieldToPage();
    }
    const comparison = { ...JSON.parse(stored.head), outcomes } as ComparisonResult;
    return { id: stored.id, title: stored.title, savedAt: stored.savedAt, share: stored.share, comparison };
  }

  /** Deletes a saved run. */
  async remove(id: number): Promise<void> {
    await this.tx("readwrite", (s) => s.delete(id));
  }
}
