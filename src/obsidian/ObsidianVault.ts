/** The vault port over Obsidian's Vault API. */
import { normalizePath, TFile, TFolder, type Vault } from "obsidian";
import type { VaultPort } from "../core/vaultPort";

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

	private file(path: string): TFile {
		const file = this.vault.getFileByPath(normalizePath(path));
		if (!(file instanceof TFile)) throw new Error(`No file at "${path}".`);
		return file;
	}
}
