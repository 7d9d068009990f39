/**
 * The one port for vault I/O. Implemented over Obsidian's Vault API
 * (src/obsidian), Node's fs (src/cli) and memory (tests). Paths are
 * vault-relative with forward slashes.
 */
export interface VaultPort {
	/** Every file path in the vault (not folders). */
	listFiles(): Promise<string[]>;
	exists(path: string): Promise<boolean>;
	read(path: string): Promise<string>;
	/** Creates a new file; rejects when the path already exists. */
	create(path: string, content: string): Promise<void>;
	/** Replaces the content of an existing file. */
	modify(path: string, content: string): Promise<void>;
	/** Creates the folder and its parents when missing. */
	ensureFolder(path: string): Promise<void>;
}
