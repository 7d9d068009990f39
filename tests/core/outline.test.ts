/** A note's outline from its text (the CLI's source), and the rules that read sections, tasks and links from any outline. */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { checklistEntries, setChecklistItem } from "../../src/core/practice";
import { noteChecklist, twistsIn } from "../../src/core/checklist";
import { linksIn, outlined, sectionOf, sectionRange, tasksIn, textOutline, type OutlinedNote } from "../../src/core/outline";
import { cacheOutline } from "../../src/obsidian/outline";
import { computeMetadata } from "../stand-in/obsidian";

const NOTE = [
	"---", "tags: [mlsd/framework-step]", "---", "# Step 3", "",
	"## Checklist", "", "- [ ] Checked leakage", "  - [x] Nested, ticked", "1. [ ] Ordered task", "- [-] Cancelled still counts", "- [ ] ", "- plain item",
	"```md", "## Not a heading", "- [ ] not a task", "```", "",
	"### Sub", "- [ ] Under a subheading", "",
	"## Concepts to know", "", "- [[Data leakage]] and [[Feature store#Online|online store]]", "- `[[Not a link]]` ![[Diagram.png]]", "",
	"## Twists", "- Labels arrive late", "- [ ] a task is not a twist",
].join("\n");

describe("the text outline", () => {
	const n = outlined(NOTE);
	it("finds headings, list items and links outside frontmatter and code, with 0-based lines", () => {
		expect(n.outline.headings.map((h) => [h.level, h.text, h.line])).toEqual([[1, "Step 3", 3], [2, "Checklist", 5], [3, "Sub", 18], [2, "Concepts to know", 21], [2, "Twists", 26]]);
		expect(n.outline.links.map((l) => [l.target, l.heading, l.alias, l.embed])).toEqual([["Data leakage", null, null, false], ["Feature store", "Online", "online store", false], ["Diagram.png", null, null, true]]);
		expect(n.outline.listItems.filter((i) => i.task !== undefined).map((i) => i.task)).toEqual([" ", "x", " ", "-", " ", " ", " "]);
	});
	it("gives a section's tasks (empty ones left out), its links and its plain items", () => {
		expect(noteChecklist(NOTE)).toEqual(["Checked leakage", "Nested, ticked", "Ordered task", "Cancelled still counts", "Under a subheading"]);
		expect(tasksIn(n, sectionRange(n, "checklist")!).map((t) => t.done)).toEqual([false, true, false, true, false]);
		expect(linksIn(n, sectionRange(n, "Concepts to know")!).map((l) => l.target)).toEqual(["Data leakage", "Feature store", "Diagram.png"]);
		expect(twistsIn(NOTE)).toEqual(["Labels arrive late"]);
		expect(sectionOf(NOTE, "Sub")).toBe("- [ ] Under a subheading\n");
		expect(sectionOf(NOTE, "Missing")).toBeNull();
	});
	it("keeps a heading's own '#' (C#) and reads CRLF text with the same lines", () => {
		expect(textOutline("## C#\n## Closed ##\n").headings.map((h) => h.text)).toEqual(["C#", "Closed"]);
		const crlf = NOTE.replace(/\n/g, "\r\n");
		expect(noteChecklist(crlf)).toEqual(noteChecklist(NOTE));
		expect(outlined(crlf).outline).toEqual(n.outline);
	});
	it("ticks a practice note's task on its line, whatever its bullet", () => {
		const text = "## Checklist\n\n### Step 1: A (5 min)\n\n1. [ ] one\n- [x] two\n";
		const entries = checklistEntries(text);
		expect(entries.map((e) => [e.step, e.text, e.done, e.line])).toEqual([[1, "one", false, 4], [1, "two", true, 5]]);
		expect(setChecklistItem(text, 4, true)).toBe(text.replace("1. [ ] one", "1. [x] one"));
		expect(setChecklistItem(text, 2, true)).toBe(text);
	});
});

/** Every note the plugin ships, with its text. */
function shipped(dir = "vault-template"): { path: string; text: string }[] {
	return readdirSync(dir).flatMap((name) => {
		const p = join(dir, name);
		if (statSync(p).isDirectory()) return shipped(p);
		return p.endsWith(".md") ? [{ path: p, text: readFileSync(p, "utf8") }] : [];
	});
}

describe("the cache's outline and the text's", () => {
	it("agree on every shipped note (headings, tasks and links), so the CLI and the plugin read them alike", () => {
		const notes = shipped();
		expect(notes.length).toBeGreaterThan(100);
		for (const { path, text } of notes) {
			const fromCache = cacheOutline(computeMetadata(text) as never, text);
			const fromText = textOutline(text);
			expect({ path, headings: fromCache?.headings }).toEqual({ path, headings: fromText.headings });
			expect({ path, tasks: fromCache?.listItems.filter((i) => i.task !== undefined) }).toEqual({ path, tasks: fromText.listItems.filter((i) => i.task !== undefined) });
			expect({ path, links: fromCache?.links.map((l) => [l.target, l.heading, l.line]) }).toEqual({ path, links: fromText.links.map((l) => [l.target, l.heading, l.line]) });
		}
	});

	it("agree on generated notes made of headings, tasks, links and fences", () => {
		const line = fc.oneof(
			fc.constantFrom("## Checklist", "### Step 2: Framing", "# Title", "  ## Indented", "- [ ] task", "  - [x] nested", "1. [ ] ordered", "- plain", "", "text [[Link]] and [[A#B|c]]", "```", "~~~", "`[[code]]`"),
			fc.string({ maxLength: 12 }).map((s) => s.replace(/[`~%<\n\r]/g, "")),
		);
		fc.assert(fc.property(fc.array(line, { maxLength: 25 }), (ls) => {
			const text = ls.join("\n");
			const fromCache = cacheOutline(computeMetadata(text) as never, text);
			expect(fromCache).not.toBeNull();
			const a = { text, outline: fromCache! } as OutlinedNote;
			const b = outlined(text);
			expect(a.outline.headings).toEqual(b.outline.headings);
			expect(noteChecklist(a, true)).toEqual(noteChecklist(b, true));
			expect(checklistEntries(a)).toEqual(checklistEntries(b));
		}), { numRuns: 300 });
	});

	it("differ where Obsidian knows better: comments hide headings and tasks from the cache", () => {
		const text = "## Checklist\n- [ ] kept\n%%\n- [ ] commented out\n## Not a heading\n%%\n<!-- - [ ] also hidden -->\n- [ ] kept too\n";
		const fromCache: OutlinedNote = { text, outline: cacheOutline(computeMetadata(text) as never, text)! };
		expect(noteChecklist(fromCache)).toEqual(["kept", "kept too"]);
		expect(noteChecklist(text)).toEqual(["kept", "commented out"]);
	});

	it("refuses a cache that is behind the text", () => {
		const before = "## Checklist\n- [ ] a\n";
		const cache = computeMetadata(before);
		expect(cacheOutline(cache as never, before)).not.toBeNull();
		expect(cacheOutline(cache as never, "Intro\n## Checklist\n- [ ] a\n")).toBeNull();
		expect(cacheOutline(cache as never, "## Checklist\n- [x] a\n")).toBeNull();
		expect(cacheOutline(null, before)).toBeNull();
		// With Obsidian's sections, text appended after the last block also shows the cache is behind.
		const end = { line: 1, col: 7, offset: before.length - 1 };
		const withSections = { ...cache, sections: [{ type: "heading", position: { start: { line: 0, col: 0, offset: 0 }, end } }] };
		expect(cacheOutline(withSections as never, before)).not.toBeNull();
		expect(cacheOutline(withSections as never, `${before}- [ ] appended\n`)).toBeNull();
	});
});
