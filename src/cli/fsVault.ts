/** The vault port over Node's fs, for the CLI and the demo. */
import { promises as fs } from "fs";
import { join, relative, sep } from "path";
import type { VaultPort } from "../core/vaultPort";

export class FsVault implements VaultPort {
	constructor(readonly root: string) {}

	private abs(path: string): string {
		return join(this.root, ...path.split("/"));
	}

	async listFiles(): Promise<string[]> {
		const out: string[] = [];
		const walk = async (dir: string): Promise<void> => {
			let entries;
			try {
				entries = await fs.readdir(dir, { withFileTypes: true });
			} catch {
				return;
			}
			for (const e of entries) {
				if (e.name.startsWith(".")) continue;
				const full = join(dir, e.name);
				if (e.isDirectory()) await walk(full);
				else if (e.isFile()) out.push(relative(this.root, full).split(sep).join("/"));
			}
		};
		await walk(this.root);
		return out.sort();
	}

	async exists(path: string): Promise<boolean> {
		try {
			await fs.stat(this.abs(path));
			return true;
		} catch {
			return false;
		}
	}

	read(path: string): Promise<string> {
		return fs.readFile(this.abs(path), "utf8");
	}

	async create(path: string, content: string): Promise<void> {
		// "wx" fails when the file exists, like Obsidian's vault.create.
		await fs.writeFile(this.abs(path), content, { encoding: "utf8", flag: "wx" });
	}

	async modify(path: string, content: string): Promise<void> {
		if (!(await this.exists(path))) throw new Error(`File does not exist: ${path}`);
		await fs.writeFile(this.abs(path), content, "utf8");
	}

	async ensureFolder(path: string): Promise<void> {
		await fs.mkdir(this.abs(path), { recursive: true });
	}
}
