/** The vault port in memory, with write counting and fault injection for tests. */
import { contentHash } from "../../src/core/hash";
import type { VaultPort } from "../../src/core/vaultPort";

export type MemoryFault = (op: "create" | "modify" | "read" | "stat" | "mkdir", path: string) => Error | null;

export class MemoryVault implements VaultPort {
	files = new Map<string, string>();
	folders = new Set<string>();
	/** Paths holding something that is not a regular file (a pipe, a device, a link). */
	special = new Set<string>();
	writes = 0;
	/** Throw on the n-th write from now (1-based); 0 = never. */
	failOnWrite = 0;
	/** Any fault, by operation and path. */
	fault: MemoryFault | null = null;
	/** Called just before a compare-and-swap write checks the file: lets a test "save" in between. */
	beforeReplace: ((path: string) => void) | null = null;

	constructor(initial: Record<string, string> = {}) {
		for (const [p, c] of Object.entries(initial)) this.files.set(p, c);
	}

	private check(op: "create" | "modify" | "read" | "stat" | "mkdir", path: string): void {
		const e = this.fault?.(op, path);
		if (e) throw e;
	}

	private write(path: string): void {
		if (this.failOnWrite > 0 && --this.failOnWrite === 0) throw new Error(`ENOSPC: no space left on device, write '${path}'`);
		this.writes++;
	}

	listFiles(): Promise<string[]> {
		return Promise.resolve([...this.files.keys()].sort());
	}
	exists(path: string): Promise<boolean> {
		return Promise.resolve(this.files.has(path) || this.folders.has(path) || this.special.has(path));
	}
	async read(path: string): Promise<string> {
		this.check("read", path);
		const c = this.files.get(path);
		if (c === undefined) throw new Error(`No file ${path}`);
		return c;
	}
	async stat(path: string): Promise<{ type: "file" | "folder" | "other"; size: number } | null> {
		this.check("stat", path);
		if (this.special.has(path)) return { type: "other", size: 0 };
		if (this.folders.has(path)) return { type: "folder", size: 0 };
		const c = this.files.get(path);
		return c === undefined ? null : { type: "file", size: c.length };
	}
	async create(path: string, content: string): Promise<void> {
		if (this.files.has(path) || this.folders.has(path) || this.special.has(path)) throw new Error("File already exists.");
		this.check("create", path);
		this.write(path);
		this.files.set(path, content);
	}
	async modify(path: string, content: string): Promise<void> {
		if (!this.files.has(path)) throw new Error(`No file ${path}`);
		this.check("modify", path);
		this.write(path);
		this.files.set(path, content);
	}
	async replace(path: string, expectedHash: string, content: string): Promise<boolean> {
		this.beforeReplace?.(path);
		const current = this.files.get(path);
		if (current === undefined) throw new Error(`No file ${path}`);
		if (contentHash(current) !== expectedHash) return false;
		await this.modify(path, content);
		return true;
	}
	async ensureFolder(path: string): Promise<void> {
		const parts = path.split("/");
		for (let i = 1; i <= parts.length; i++) {
			const p = parts.slice(0, i).join("/");
			if (this.files.has(p) || this.special.has(p)) throw new Error(`"${p}" is a file, so it cannot hold notes.`);
			this.check("mkdir", p);
			this.folders.add(p);
		}
	}
}
