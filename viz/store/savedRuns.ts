import type { ComparisonResult } from "../engine/runComparison.js";

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

const DB = "gridgov";
const STORE = "runs";

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  const r = factory.open(DB, 1);
  r.onupgradeneeded = () => {
    r.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
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
    const { id: _ignored, ...rest } = run;
    return (await this.tx("readwrite", (s) => s.add(rest))) as number;
  }

  /** The saved runs, newest first, without their figures. */
  async list(): Promise<SavedRunEntry[]> {
    const all = (await this.tx("readonly", (s) => s.getAll())) as SavedRun[];
    return all.map(({ id, title, savedAt, share }) => ({ id: id!, title, savedAt, share })).sort((a, b) => b.id - a.id);
  }

  /** One saved run in full, or undefined. */
  async get(id: number): Promise<SavedRun | undefined> {
    return (await this.tx("readonly", (s) => s.get(id))) as SavedRun | undefined;
  }

  /** Deletes a saved run. */
  async remove(id: number): Promise<void> {
    await this.tx("readwrite", (s) => s.delete(id));
  }
}
