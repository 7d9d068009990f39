/** The vault port in memory, with write counting and fault injection for tests. */
import type { VaultPort } from "../../src/core/vaultPort";

export class MemoryVault implements VaultPort {
	files = new Map<string, string>();
	folders = new Set<string>();
	writes = 0;
	/** Throw on the n-th write from now (1-based); 0 = never. */
	failOnWrite = 0;

	constructor(initial: Record<string, string> = {}) {
		for (const [p, c] of Object.entries(initial)) this.files.set(p, c);
	}

	private write(path: string): void {
		if (this.failOnWrite > 0 && --this.failOnWrite === 0) throw new Error(`ENOSPC: no space left on device, write '${path}'`);
		this.writes++;
	}

	listFiles(): Promise<string[]> {
		return Promise.resolve([...this.files.keys()].sort());
	}
	exists(path: string): Promise<boolean> {
		return Promise.resolve(this.files.has(path) || this.folders.has(path));
	}
	read(path: string): Promise<string> {
		const c = this.files.get(path);
		return c === undefined ? Promise.reject(new Error(`No file ${path}`)) : Promise.resolve(c);
	}
	create(path: string, content: string): Promise<void> {
		if (this.files.has(path)) return Promise.reject(new Error("File already exists."));
		this.write(path);
		this.files.set(path, content);
		return Promise.resolve();
	}
	modify(path: string, content: string): Promise<void> {
		if (!this.files.has(path)) return Promise.reject(new Error(`No file ${path}`));
		this.write(path);
		this.files.set(path, content);
		return Promise.resolve();
	}
	ensureFolder(path: string): Promise<void> {
		const parts = path.split("/");
		for (let i = 1; i <= parts.length; i++) this.folders.add(parts.slice(0, i).join("/"));
		return Promise.resolve();
	}
}
