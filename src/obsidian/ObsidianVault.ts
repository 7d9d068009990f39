/** The vault port over Obsidian's Vault API. */
import { normalizePath, TFile, TFolder, type Vault } from "obsidian";
import { contentHash } from "../core/hash";
import type { VaultPort } from "../core/vaultPort";

/** Thrown inside Vault.process to leave a file as it is when it changed since it was read. */
class Changed extends Error {}

export class ObsidianVault implements VaultPort {
	constructor(private readonly vault: Vault) {}

	listFiles(): Promise<string[]> {
		return Promise.resolve(this.vault.getFiles().map((f) => f.path));
	}

	exists(path: string): Promise<boolean> {
		return Promise.resolve(this.vault.getAbstractFileByPath(normalizePath(path)) !== null);
	}

	read(path: string): Promise<string> {
		return this.vault.read(this.file(path));
	}

	async create(path: string, content: string): Promise<void> {
		await this.vault.create(normalizePath(path), content);
	}

	modify(path: string, content: string): Promise<void> {
		return this.vault.modify(this.file(path), content);
	}

	async ensureFolder(path: string): Promise<void> {
		let current = "";
		for (const segment of normalizePath(path).split("/").filter((x) => x !== "")) {
			current = current ? `${current}/${segment}` : segment;
			const existing = this.vault.getAbstractFileByPath(current);
			if (existing instanceof TFolder) continue;
			if (existing) throw new Error(`"${current}" is a file, so it cannot hold notes.`);
			await this.vault.createFolder(current);
		}
	}

	async stat(path: string): Promise<{ type: "file" | "folder" | "other"; size: number } | null> {
		const p = normalizePath(path);
		const f = this.vault.getAbstractFileByPath(p);
		if (f instanceof TFile) return { type: "file", size: f.stat.size };
		if (f instanceof TFolder) return { type: "folder", size: 0 };
		// Not in the vault's index: nothing there, or something Obsidian does not list (a special file).
		return (await this.vault.adapter.exists(p)) ? { type: "other", size: 0 } : null;
	}

	/** Compare-and-swap through Vault.process: the check and the write happen on the same read of the file. */
	async replace(path: string, expectedHash: string, content: string): Promise<boolean> {
		try {
			await this.vault.process(this.file(path), (current) => {
				if (contentHash(current) !== expectedHash) throw new Changed();
				return content;
			});
			return true;
		} catch (e) {
			if (e instanceof Changed) return false;
			throw e;
		}
	}

	private file(path: string): TFile {
		const file = this.vault.getFileByPath(normalizePath(path));
		if (!(file instanceof TFile)) throw new Error(`No file at "${path}".`);
		return file;
	}
}
