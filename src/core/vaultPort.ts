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
	/** What is at a path: a file (with its size in bytes), a folder, something else (link, pipe, device), or null. */
	stat(path: string): Promise<{ type: "file" | "folder" | "other"; size: number } | null>;
	/**
	 * Replaces a file's content only if it still hashes (contentHash) to
	 * `expectedHash`: a compare-and-swap, so a save between reading and
	 * writing is never lost. Resolves false when the file changed.
	 */
	replace(path: string, expectedHash: string, content: string): Promise<boolean>;
}
