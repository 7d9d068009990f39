/**
 * Obsidian-flavoured Markdown for the browser stand-in, so screenshots show
 * notes as a user sees them in reading view: properties, callouts (folded ones
 * closed), task lists, tables, wikilinks, tags, math (KaTeX) and Mermaid
 * diagrams drawn to SVG by the Mermaid version Obsidian bundles.
 *
 * Bundled into artifacts/ by scripts/lib/standin-bundle.mjs as the global
 * `MlsdMarkdown`; the stand-in's MarkdownRenderer.render uses it when present.
 * Test code only: never part of main.js.
 */
import MarkdownIt from "markdown-it";
import katex from "@vscode/markdown-it-katex";

interface MermaidApi {
	initialize(config: Record<string, unknown>): void;
	render(id: string, code: string): Promise<{ svg: string }>;
}

const md = new MarkdownIt({ html: false, linkify: true, breaks: false });
md.use(katex, { throwOnError: false });

/** `[[Target#Heading|alias]]` → an internal link, as Obsidian renders it. */
md.inline.ruler.before("link", "wikilink", (state, silent) => {
	const src = state.src.slice(state.pos);
	const m = /^!?\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/.exec(src);
	if (!m) return false;
	if (!silent) {
		const target = m[1]!.trim();
		const open = state.push("link_open", "a", 1);
		open.attrSet("class", "internal-link");
		open.attrSet("data-href", target);
		open.attrSet("href", target);
		const text = state.push("text", "", 0);
		text.content = (m[2] ?? target.replace(/#/, " > ")).trim();
		state.push("link_close", "a", -1);
	}
	state.pos += m[0].length;
	return true;
});

/** `#tag/nested` → a tag pill. */
md.inline.ruler.after("wikilink", "tag", (state, silent) => {
	if (state.src[state.pos] !== "#" || (state.pos > 0 && !/\s/.test(state.src[state.pos - 1]!))) return false;
	const m = /^#([\p{L}_][\p{L}\p{N}_/-]*)/u.exec(state.src.slice(state.pos));
	if (!m) return false;
	if (!silent) {
		const open = state.push("link_open", "a", 1);
		open.attrSet("class", "tag");
		open.attrSet("href", `#${m[1]!}`);
		state.push("text", "", 0).content = m[0];
		state.push("link_close", "a", -1);
	}
	state.pos += m[0].length;
	return true;
});

/** `- [ ]` / `- [x]` list items → task list items with a checkbox. */
md.core.ruler.after("inline", "tasks", (state) => {
	const tokens = state.tokens;
	for (let i = 2; i < tokens.length; i++) {
		const inline = tokens[i]!;
		if (inline.type !== "inline" || tokens[i - 1]!.type !== "paragraph_open" || tokens[i - 2]!.type !== "list_item_open") continue;
		const m = /^\[([ xX])\]\s+/.exec(inline.content);
		const first = inline.children?.[0];
		if (!m || !first || first.type !== "text") continue;
		const done = m[1] !== " ";
		first.content = first.content.slice(m[0].length);
		const box = new state.Token("html_inline", "", 0);
		box.content = `<input type="checkbox" class="task-list-item-checkbox"${done ? " checked" : ""}> `;
		inline.children!.unshift(box);
		const li = tokens[i - 2]!;
		li.attrJoin("class", `task-list-item${done ? " is-checked" : ""}`);
		li.attrSet("data-task", done ? "x" : " ");
	}
});

const CALLOUT_ICONS: Record<string, string> = {
	note: "✎", info: "ℹ", tip: "✦", hint: "✦", important: "✦", success: "✓", check: "✓", done: "✓", question: "?", help: "?", faq: "?",
	warning: "⚠", caution: "⚠", attention: "⚠", failure: "✗", fail: "✗", missing: "✗", danger: "⚡", error: "⚡", bug: "🐞", example: "☰", quote: "❝", cite: "❝", abstract: "☷", summary: "☷", tldr: "☷", todo: "☐",
};

/** Turns `> [!type]± Title` blockquotes into Obsidian's callout markup (after rendering, on the DOM). */
function calloutify(root: HTMLElement): void {
	for (const bq of [...root.querySelectorAll("blockquote")]) {
		const first = bq.firstElementChild;
		if (!first || first.tagName !== "P") continue;
		const m = /^\[!([\w-]+)\]([+-]?)[ \t]*([^\n]*)/.exec(first.textContent ?? "");
		if (!m) continue;
		const type = m[1]!.toLowerCase();
		const callout = document.createElement("div");
		callout.className = `callout${m[2] ? " is-collapsible" : ""}${m[2] === "-" ? " is-collapsed" : ""}`;
		callout.dataset.callout = type;
		const title = callout.appendChild(document.createElement("div"));
		title.className = "callout-title";
		const icon = title.appendChild(document.createElement("div"));
		icon.className = "callout-icon";
		icon.textContent = CALLOUT_ICONS[type] ?? "✎";
		const inner = title.appendChild(document.createElement("div"));
		inner.className = "callout-title-inner";
		inner.textContent = m[3]!.trim() || type[0]!.toUpperCase() + type.slice(1);
		if (m[2]) {
			const fold = title.appendChild(document.createElement("div"));
			fold.className = "callout-fold";
		}
		const content = callout.appendChild(document.createElement("div"));
		content.className = "callout-content";
		// The first paragraph's other lines (after the title line) belong to the content.
		const rest = first.innerHTML.replace(/^[^\n]*\n?/, "");
		if (rest.trim() !== "") {
			const p = content.appendChild(document.createElement("p"));
			p.innerHTML = rest;
		}
		for (const child of [...bq.childNodes]) if (child !== first) content.appendChild(child);
		bq.replaceWith(callout);
	}
}

function propertiesBlock(yaml: string): HTMLElement {
	const box = document.createElement("div");
	box.className = "metadata-container";
	const heading = box.appendChild(document.createElement("div"));
	heading.className = "metadata-properties-heading";
	heading.textContent = "Properties";
	let key: string | null = null;
	let values: string[] = [];
	const flush = (): void => {
		if (key === null) return;
		const row = box.appendChild(document.createElement("div"));
		row.className = "metadata-property";
		const k = row.appendChild(document.createElement("div"));
		k.className = "metadata-property-key";
		k.textContent = key;
		const v = row.appendChild(document.createElement("div"));
		v.className = "metadata-property-value";
		for (const value of values) {
			const pill = v.appendChild(document.createElement("span"));
			pill.className = values.length > 1 || key === "tags" ? "multi-select-pill" : "metadata-text";
			pill.textContent = value.replace(/^["']|["']$/g, "").replace(/^\[\[(.*)\]\]$/, "$1");
		}
	};
	for (const line of yaml.split("\n")) {
		const kv = /^([\w-]+):\s*(.*)$/.exec(line);
		const item = /^\s+-\s+(.*)$/.exec(line);
		if (kv) {
			flush();
			key = kv[1]!;
			const inline = kv[2]!.trim();
			values = inline.startsWith("[") ? inline.slice(1, -1).split(",").map((s) => s.trim()).filter(Boolean) : inline ? [inline] : [];
		} else if (item && key !== null) values.push(item[1]!.trim());
	}
	flush();
	return box;
}

let diagramCount = 0;

/** Draws every pending Mermaid block under `root`; returns the problems (none when all drew). */
export async function drawDiagrams(root: HTMLElement): Promise<string[]> {
	const mermaid = (window as unknown as { mermaid?: MermaidApi }).mermaid;
	const problems: string[] = [];
	for (const block of [...root.querySelectorAll<HTMLElement>(".mermaid-pending")]) {
		const code = block.dataset.code ?? "";
		if (!mermaid) {
			problems.push("Mermaid is not loaded");
			continue;
		}
		try {
			const { svg } = await mermaid.render(`mlsd-diagram-${++diagramCount}`, code);
			block.className = "mermaid";
			block.innerHTML = svg;
		} catch (e) {
			problems.push(e instanceof Error ? e.message : String(e));
			block.className = "mermaid-error";
			block.textContent = `Mermaid error: ${e instanceof Error ? e.message : String(e)}`;
		}
	}
	return problems;
}

/** Renders a note as Obsidian's reading view would, into `el`. Diagrams are drawn by drawDiagrams(). */
export function renderMarkdown(markdown: string, el: HTMLElement, options: { properties?: boolean } = {}): void {
	let body = markdown.replace(/\r\n?/g, "\n");
	const fm = /^---\n([\s\S]*?)\n---\n?/.exec(body);
	if (fm) {
		body = body.slice(fm[0].length);
		if (options.properties !== false) el.appendChild(propertiesBlock(fm[1]!));
	}
	const defaultFence = md.renderer.rules.fence!;
	md.renderer.rules.fence = (tokens, idx, opts, env, self) => {
		const t = tokens[idx]!;
		if (t.info.trim() === "mermaid") return `<div class="mermaid-pending" data-code="${md.utils.escapeHtml(t.content)}"></div>`;
		return defaultFence(tokens, idx, opts, env, self);
	};
	const html = md.render(body);
	md.renderer.rules.fence = defaultFence;
	const wrap = document.createElement("div");
	wrap.innerHTML = html;
	calloutify(wrap);
	for (const table of [...wrap.querySelectorAll("table")]) {
		const scroll = document.createElement("div");
		scroll.className = "table-wrapper";
		table.replaceWith(scroll);
		scroll.appendChild(table);
	}
	while (wrap.firstChild) el.appendChild(wrap.firstChild);
}

/** Sets Mermaid's theme to match the page (Obsidian re-renders diagrams when the theme changes). */
export function initMermaid(dark: boolean): void {
	const mermaid = (window as unknown as { mermaid?: MermaidApi }).mermaid;
	mermaid?.initialize({ startOnLoad: false, theme: dark ? "dark" : "default", securityLevel: "strict", fontFamily: "system-ui, sans-serif" });
}
