/**
 * Keeps the catalog in step with the vault from Obsidian's metadataCache:
 * built once on first use (nothing is read at plugin load), then updated
 * incrementally on "changed", "deleted" and "rename". Files are never
 * re-read to rebuild it.
 */
import { Notice, TFile, type CachedMetadata } from "obsidian";
import { Catalog, toRecord, type RecordResult } from "../core/catalog";
import { joinPath } from "../core/paths";
import { installedFolder } from "../core/settings";
import type { NoteOrigin } from "../core/types";
import type { PluginHost } from "./host";

export class CatalogService {
	private catalog: Catalog | null = null;
	private shippedPaths: Set<string> | null = null;
	/** The folder shippedPaths was computed for; a change rebuilds the catalog so origins stay right. */
	private shippedFolder: string | null = null;
	private announced = new Set<string>();

	constructor(private readonly host: PluginHost) {}

	/** Subscribes to metadata events; every subscription is released on unload. */
	start(): void {
		const { app, plugin } = this.host;
		// Build the catalog a few seconds after start-up, off the critical path, so the first
		// prompt opens as fast as every later one (about 70 ms of work at 10,000 notes).
		app.workspace.onLayoutReady(() => {
			const id = window.setTimeout(() => this.get(), 3000);
			plugin.register(() => window.clearTimeout(id));
		});
		plugin.registerEvent(app.metadataCache.on("changed", (file: TFile, _data: string, cache: CachedMetadata) => {
			this.catalog?.set(file.path, this.recordOf(file.path, cache));
		}));
		plugin.registerEvent(app.metadataCache.on("deleted", (file: TFile) => {
			this.catalog?.remove(file.path);
		}));
		plugin.registerEvent(app.vault.on("rename", (file, oldPath: string) => {
			if (!this.catalog || !(file instanceof TFile)) return;
			this.catalog.remove(oldPath);
			if (file.extension === "md") this.catalog.set(file.path, this.recordOf(file.path, app.metadataCache.getFileCache(file)));
		}));
	}

	/** The catalog, built on first use (and again if the notes moved to another folder). */
	get(): Catalog {
		if (this.shippedFolder !== null && this.shippedFolder !== installedFolder(this.host.data)) this.invalidate();
		if (!this.catalog) {
			const results: RecordResult[] = [];
			for (const file of this.host.app.vault.getMarkdownFiles()) {
				results.push(this.recordOf(file.path, this.host.app.metadataCache.getFileCache(file)));
			}
			this.catalog = Catalog.from(results);
		}
		return this.catalog;
	}

	/** Forgets the shipped-path set (after the install folder changes). */
	invalidate(): void {
		this.shippedPaths = null;
		this.shippedFolder = null;
		this.catalog = null;
	}

	/** Shows one notice naming personal notes that were skipped for broken properties, once per note. */
	announceSkipped(): void {
		const fresh = this.get().skipped().filter((s) => !this.announced.has(s.path));
		if (fresh.length === 0) return;
		for (const s of fresh) this.announced.add(s.path);
		const names = fresh.slice(0, 3).map((s) => `"${s.path}" (${s.problems[0] ?? "invalid properties"})`).join("; ");
		new Notice(`Skipped ${fresh.length} note${fresh.length === 1 ? "" : "s"} with invalid properties: ${names}${fresh.length > 3 ? "; and more" : ""}.`, 10000);
	}

	origin(path: string): NoteOrigin {
		if (!this.shippedPaths) {
			const folder = installedFolder(this.host.data);
			this.shippedFolder = folder;
			this.shippedPaths = new Set(this.host.template.files.map((f) => joinPath(folder, f.path)));
		}
		return this.shippedPaths.has(path) ? "shipped" : "personal";
	}

	private recordOf(path: string, cache: CachedMetadata | null): RecordResult {
		return toRecord(path, cache?.frontmatter ?? null, this.origin(path));
	}
}
