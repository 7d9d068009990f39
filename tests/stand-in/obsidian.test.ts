/** The stand-in is only useful if it behaves like Obsidian: these pin the behaviours we rely on. */
import { App, computeMetadata, FuzzySuggestModal, getFrontMatterInfo, MarkdownView, Modal, normalizePath, Notice, parseYaml, Plugin, Setting, TFile, TFolder, type PluginManifest } from "./obsidian";

const manifest: PluginManifest = { id: "p", name: "P", version: "1.0.0", minAppVersion: "1.0.0", description: "d.", author: "a" };

async function appWith(files: Record<string, string>): Promise<App> {
	const app = new App();
	for (const [p, c] of Object.entries(files)) {
		const dir = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
		if (dir && !app.vault.getAbstractFileByPath(dir)) await app.vault.createFolder(dir);
		await app.vault.create(p, c);
	}
	await app.metadataCache.settle();
	return app;
}

describe("Vault", () => {
	it("throws on create at an existing path and on a missing parent", async () => {
		const app = await appWith({ "a.md": "x" });
		await expect(app.vault.create("a.md", "y")).rejects.toThrow("File already exists.");
		await expect(app.vault.create("no/b.md", "y")).rejects.toThrow(/Parent folder/);
		await expect(app.vault.createFolder("a.md")).rejects.toThrow("Folder already exists.");
	});
	it("gives TFile and TFolder with names, and finds files by path", async () => {
		const app = await appWith({ "F/Note one.md": "x" });
		const f = app.vault.getFileByPath("F/Note one.md")!;
		expect(f).toBeInstanceOf(TFile);
		expect([f.basename, f.extension, f.name, f.parent?.path]).toEqual(["Note one", "md", "Note one.md", "F"]);
		expect(app.vault.getAbstractFileByPath("F")).toBeInstanceOf(TFolder);
		expect(app.vault.getFileByPath("F")).toBeNull();
		expect(app.vault.getMarkdownFiles()).toHaveLength(1);
	});
	it("process, modify, rename and delete fire events in order", async () => {
		const app = await appWith({ "a.md": "one" });
		const events: string[] = [];
		for (const e of ["modify", "rename", "delete"]) app.vault.on(e, (f: TFile) => events.push(`${e}:${f.path}`));
		const f = app.vault.getFileByPath("a.md")!;
		await app.vault.process(f, (t) => t + " two");
		expect(await app.vault.read(f)).toBe("one two");
		await app.vault.rename(f, "b.md");
		await app.vault.delete(f);
		expect(events).toEqual(["modify:a.md", "rename:b.md", "delete:b.md"]);
	});
	it("renaming a folder moves what is inside and announces each move", async () => {
		const app = await appWith({ "F/G/n.md": "x" });
		const moved: string[] = [];
		app.vault.on("rename", (f: TFile, old: string) => moved.push(`${old}>${f.path}`));
		await app.vault.rename(app.vault.getAbstractFileByPath("F")!, "H");
		expect(moved).toEqual(["F>H", "F/G>H/G", "F/G/n.md>H/G/n.md"]);
		expect(await app.vault.read(app.vault.getFileByPath("H/G/n.md")!)).toBe("x");
		expect(app.vault.getAbstractFileByPath("F/G/n.md")).toBeNull();
	});
	it("normalizePath behaves like Obsidian's", () => {
		expect(normalizePath("//a\\b/")).toBe("a/b");
	});
});

describe("MetadataCache", () => {
	it("computes frontmatter, headings, links and tasks after a change, then resolves links", async () => {
		const app = await appWith({
			"A.md": "---\ntype: concept\nconcepts:\n  - \"[[B]]\"\n---\n# Title\n- [ ] task\nSee [[B#Part|b]] and [[Missing]]. #tag/x\n",
			"B.md": "## Part\n",
		});
		const a = app.vault.getFileByPath("A.md")!;
		const cache = app.metadataCache.getFileCache(a)!;
		expect(cache.frontmatter).toEqual({ type: "concept", concepts: ["[[B]]"] });
		expect(cache.headings?.map((h) => h.heading)).toEqual(["Title"]);
		expect(cache.links?.map((l) => l.link)).toEqual(["B#Part", "Missing"]);
		expect(cache.frontmatterLinks?.[0]).toMatchObject({ key: "concepts.0", link: "B" });
		expect(cache.listItems?.[0]?.task).toBe(" ");
		expect(cache.tags?.[0]?.tag).toBe("#tag/x");
		expect(app.metadataCache.resolvedLinks["A.md"]).toEqual({ "B.md": 2 });
		expect(app.metadataCache.unresolvedLinks["A.md"]).toEqual({ Missing: 1 });
	});
	it("reads its entries back as a restarted vault does: the same content, new objects", async () => {
		const app = await appWith({ "A.md": "---\ntags: [mlsd/concept]\n---\n# T\n#x\n", "B.md": "text" });
		const a = app.vault.getFileByPath("A.md")!;
		const before = app.metadataCache.getFileCache(a)!;
		app.metadataCache.reloadFromStore();
		const after = app.metadataCache.getFileCache(a)!;
		expect(after).not.toBe(before);
		expect(after).toEqual(before);
		expect(app.metadataCache.getFileCache(app.vault.getFileByPath("B.md")!)).toEqual({});
		await app.vault.modify(a, "---\ntags: [journal]\n---\n");
		await app.metadataCache.settle();
		expect(app.metadataCache.getFileCache(a)!.frontmatter).toEqual({ tags: ["journal"] });
	});
	it("announces changed (with the new data) and drops broken frontmatter like Obsidian", async () => {
		const app = await appWith({ "A.md": "---\ntype: concept\n---\n" });
		const seen: unknown[] = [];
		app.metadataCache.on("changed", (_f: TFile, _d: string, c: { frontmatter?: unknown }) => seen.push(c.frontmatter));
		await app.vault.modify(app.vault.getFileByPath("A.md")!, "---\ntype: [unclosed\n---\n");
		expect(seen).toEqual([]); // asynchronous, like the worker
		await app.metadataCache.settle();
		expect(seen).toEqual([undefined]);
	});
	it("getFirstLinkpathDest prefers the same folder, then the shortest path", async () => {
		const app = await appWith({ "x/N.md": "", "y/z/N.md": "", "y/S.md": "" });
		expect(app.metadataCache.getFirstLinkpathDest("N", "y/S.md")?.path).toBe("x/N.md");
		expect(app.metadataCache.getFirstLinkpathDest("N", "y/z/other.md")?.path).toBe("y/z/N.md");
	});
});

describe("Plugin, commands and UI", () => {
	class P extends Plugin {
		count = 0;
		onload(): void {
			this.addCommand({ id: "go", name: "Go", callback: () => this.count++ });
			this.addCommand({ id: "ed", name: "Ed", editorCallback: (e) => e.replaceSelection("hi") });
			this.addStatusBarItem().setText("status");
			this.registerDomEvent(document, "click", () => this.count++);
		}
	}
	it("namespaces commands, needs an editor for editor commands, and cleans up on unload", async () => {
		const app = new App();
		const p = new P(app, manifest);
		p.load();
		expect(app.commands.executeCommandById("p:go")).toBe(true);
		expect(p.count).toBe(1);
		expect(app.commands.isAvailable("p:ed")).toBe(false);
		await app.vault.create("n.md", "");
		await app.workspace.getLeaf(true).openFile(app.vault.getFileByPath("n.md")!);
		expect(app.commands.executeCommandById("p:ed")).toBe(true);
		expect(app.workspace.getActiveViewOfType(MarkdownView)?.editor.getValue()).toBe("hi");
		expect(app.statusBarEl.textContent).toBe("status");
		p.unload();
		document.dispatchEvent(new Event("click"));
		expect(p.count).toBe(1);
		expect(app.commands.commands).toEqual({});
		expect(app.statusBarEl.textContent).toBe("");
	});
	it("loadData returns null before anything is saved", async () => {
		const p = new P(new App(), manifest);
		expect(await p.loadData()).toBeNull();
		await p.saveData({ a: 1 });
		expect(await p.loadData()).toEqual({ a: 1 });
	});
	it("modals attach to the body and close on Escape", () => {
		const m = new Modal(new App());
		m.setTitle("Hello");
		m.open();
		expect(document.body.querySelector(".modal-title")?.textContent).toBe("Hello");
		document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape" }));
		expect(document.body.querySelector(".modal")).toBeNull();
	});
	it("fuzzy suggest modal filters and chooses", async () => {
		const chosen: string[] = [];
		class S extends FuzzySuggestModal<string> {
			getItems() { return ["Feature store", "Two-tower model", "NDCG"]; }
			getItemText(s: string) { return s; }
			onChooseItem(s: string) { chosen.push(s); }
		}
		const s = new S(new App());
		s.open();
		await s.setQuery("twtw");
		expect(s.shown.map((m) => m.item)).toEqual(["Two-tower model"]);
		s.inputEl.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
		expect(chosen).toEqual(["Two-tower model"]);
	});
	it("Setting builds Obsidian's structure; createEl helpers work", () => {
		const el = createDiv();
		new Setting(el).setName("Name").setDesc("Desc").addToggle((t) => t.setValue(true));
		expect(el.querySelector(".setting-item-name")?.textContent).toBe("Name");
		expect(el.querySelector(".checkbox-container")?.classList.contains("is-enabled")).toBe(true);
		const span = el.createSpan({ cls: "a b", text: "t", attr: { "data-x": 1 } });
		expect(span.className).toBe("a b");
		el.empty();
		expect(el.childNodes).toHaveLength(0);
		new Notice("hello");
		expect(Notice.history.at(-1)).toBe("hello");
	});
	it("processFrontMatter edits properties and keeps the body", async () => {
		const app = await appWith({ "a.md": "---\nrating: 1\n---\nBody\n" });
		const f = app.vault.getFileByPath("a.md")!;
		await app.fileManager.processFrontMatter(f, (fm) => {
			fm.rating = 3;
			fm.due = "2026-12-01";
		});
		expect(await app.vault.read(f)).toBe("---\nrating: 3\ndue: 2026-12-01\n---\nBody\n");
		await app.fileManager.trashFile(f);
		expect(app.vault.trashed).toEqual(["a.md"]);
	});
	it("processFrontMatter keeps the body byte for byte, adds properties to a note without any, and leaves bad YAML alone", async () => {
		const body = "\r\n# T\r\n\n---\nnot: properties\n---\n  trailing  ";
		const app = await appWith({ "crlf.md": `---\r\na: 1\r\n---\r\n${body}`, "none.md": body, "bad.md": "---\na: [1\n---\nB" });
		for (const path of ["crlf.md", "none.md"]) {
			const f = app.vault.getFileByPath(path)!;
			await app.fileManager.processFrontMatter(f, (fm) => {
				fm.b = "x: #y";
			});
			const text = await app.vault.read(f);
			expect(text.endsWith(body)).toBe(true);
			const info = getFrontMatterInfo(text);
			expect(text.slice(info.contentStart)).toBe(body);
			expect(parseYaml(info.frontmatter)).toEqual(path === "crlf.md" ? { a: 1, b: "x: #y" } : { b: "x: #y" });
		}
		const bad = app.vault.getFileByPath("bad.md")!;
		await expect(app.fileManager.processFrontMatter(bad, (fm) => (fm.b = 1))).rejects.toThrow();
		expect(await app.vault.read(bad)).toBe("---\na: [1\n---\nB");
	});
	it("metadata gives headings, list items and links with line, column and offset, as Obsidian does", () => {
		const text = "---\r\na: 1\r\n---\r\n## Intro ##\r\n- [ ] one [[A|x]]\r\n  1. [x] two\r\n- three\r\n````md\r\n## in code\r\n```\r\n- [ ] in code\r\n````\r\n%% ## hidden %%\r\n   ### Indented\r\n";
		const meta = computeMetadata(text);
		for (const p of [...meta.headings!, ...meta.listItems!, ...meta.links!].map((x) => x.position)) {
			const lineStart = text.split("\n").slice(0, p.start.line).reduce((n, l) => n + l.length + 1, 0);
			expect(p.start.offset).toBe(lineStart + p.start.col);
			expect(p.end.offset).toBe(lineStart + p.end.col);
		}
		expect(meta.headings!.map((h) => [h.heading, h.level, h.position.start.line])).toEqual([["Intro", 2, 3], ["Indented", 3, 13]]);
		expect(meta.listItems!.map((l) => [l.task, l.parent, l.position.start.line, l.position.start.col])).toEqual([[" ", -4, 4, 0], ["x", 4, 5, 2], [undefined, -4, 6, 0]]);
		const link = meta.links![0]!;
		expect([link.link, link.displayText, text.slice(link.position.start.offset, link.position.end.offset)]).toEqual(["A", "x", "[[A|x]]"]);
	});
	it("getFrontMatterInfo finds the block only when closed by a line of its own", () => {
		expect(getFrontMatterInfo("---\na: 1---\nb\n")).toMatchObject({ exists: false });
		const t = "---\na: 1\n---\nbody";
		const info = getFrontMatterInfo(t);
		expect(info).toMatchObject({ exists: true, frontmatter: "a: 1\n", contentStart: t.indexOf("body") });
		expect(t.slice(info.from, info.to)).toBe(info.frontmatter);
		expect(getFrontMatterInfo("---\n---\nbody")).toMatchObject({ exists: true, frontmatter: "", contentStart: 8 });
	});
});
