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
import { noteTypeOf } from "../core/schema";
import type { NoteOrigin, NoteType } from "../core/types";
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

	/**
	 * Shows one notice naming personal notes that were skipped for broken
	 * properties, and case studies that are never drawn (still the template's
	 * placeholder prompts), once per note.
	 */
	announceSkipped(): void {
		const catalog = this.get();
		const fresh = catalog.skipped().filter((s) => !this.announced.has(`skip:${s.path}`));
		for (const s of fresh) this.announced.add(`skip:${s.path}`);
		const waiting = catalog.undrawable().filter((u) => !this.announced.has(`draw:${u.path}`));
		for (const u of waiting) this.announced.add(`draw:${u.path}`);
		const parts: string[] = [];
		if (fresh.length > 0) {
			const names = fresh.slice(0, 3).map((s) => `"${s.path}" (${s.problems[0] ?? "invalid properties"})`).join("; ");
			parts.push(`Skipped ${fresh.length} note${fresh.length === 1 ? "" : "s"} with invalid properties: ${names}${fresh.length > 3 ? "; and more" : ""}.`);
		}
		if (waiting.length > 0) {
			const names = waiting.slice(0, 3).map((u) => `"${u.name}" (${u.reason})`).join("; ");
			parts.push(`Not drawn: ${names}${waiting.length > 3 ? "; and more" : ""}.`);
		}
		if (parts.length > 0) new Notice(parts.join(" "), 10000);
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
		return toRecord(path, cache?.frontmatter ?? null, this.origin(path), inlineTagsOf(cache));
	}
}

/** Tags written in a note's body, as the metadata cache lists them (frontmatter tags come with the properties). */
export function inlineTagsOf(cache: CachedMetadata | null): string[] {
	return (cache?.tags ?? []).map((t) => t.tag);
}

/** A note's kind from its cached metadata alone (cheap: for command availability, before the catalog is built). */
export function kindOfCached(cache: CachedMetadata | null): NoteType | null {
	return noteTypeOf(cache?.frontmatter ?? null, inlineTagsOf(cache));
}
