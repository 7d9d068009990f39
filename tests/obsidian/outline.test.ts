/**
 * Inside Obsidian, headings, tasks and links come from the metadata cache:
 * where Obsidian's parse and a text parse disagree (a commented-out task, a
 * heading in a code block), the plugin follows Obsidian. Without a cache entry
 * it falls back to the text.
 */
import MlSystemDesignVault from "../../src/main";
import { noteChecklist } from "../../src/core/checklist";
import { outlined } from "../../src/core/outline";
import { outlinedNote } from "../../src/obsidian/outline";
import { loadPlugin } from "../helpers/harness";
import { installed, genericChecklist } from "../helpers/plugin";
import type { TFile } from "../stand-in/obsidian";

const MY_CHECKS = [
	"---", "tags: [mlsd/checklist]", "step: 3", "---",
	"## Checklist", "- [ ] Checked consent for every audio clip",
	"%% Not yet:", "- [ ] A commented-out check", "%%",
	"```markdown", "## Checklist", "- [ ] A check inside a code block", "```",
	"<!--", "- [ ] Hidden in an HTML comment", "-->",
	"1. [ ] An ordered check",
].join("\n");

describe("checklists from the metadata cache", () => {
	it("leave out what Obsidian does not index (comments, code), which a text parse would take", async () => {
		const h = await installed({ "Mine/My checks.md": MY_CHECKS });
		const text = await genericChecklist(h);
		const step3 = text.slice(text.indexOf("## Step 3"), text.indexOf("## Step 4"));
		expect(step3).toContain("- [ ] Checked consent for every audio clip *(from [[My checks]])*");
		expect(step3).toContain("- [ ] An ordered check *(from [[My checks]])*");
		expect(text).not.toContain("code block");
		expect(text).not.toContain("commented-out");
		expect(text).not.toContain("HTML comment");
		// The text parser (the CLI's) does not know Obsidian's comments: the two really disagree here.
		expect(noteChecklist(MY_CHECKS)).toContain("A commented-out check");
	});

	it("show in the self-review only the practice note's tasks Obsidian indexes", async () => {
		const h = await installed();
		const practice = [
			"---", "tags: [mlsd/practice]", 'case: "[[Ad click-through rate prediction]]"', "session-date: 2026-01-20", "---",
			"## Checklist", "", "### Step 1: Clarifying requirements (5 min)", "", "- [ ] Asked about users", "%%", "- [ ] Draft item", "%%", "- [x] Stated scale", "",
		].join("\n");
		await h.app.vault.createFolder("P");
		await h.app.vault.create("P/Session.md", practice);
		await h.settle();
		const file = h.app.vault.getFileByPath("P/Session.md") as TFile;
		const { checklistEntries } = await import("../../src/core/practice");
		const fromCache = checklistEntries(outlinedNote(h.app as never, file as never, practice));
		expect(fromCache.map((e) => [e.step, e.text, e.done])).toEqual([[1, "Asked about users", false], [1, "Stated scale", true]]);
		expect(checklistEntries(practice).map((e) => e.text)).toContain("Draft item");
	});
});

describe("without a cache entry", () => {
	it("reads the outline from the text, and from the cache once Obsidian has indexed the note", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		const text = "## Checklist\n%%\n- [ ] commented\n%%\n- [ ] real\n";
		const file = await h.app.vault.create("New.md", text);
		expect(h.app.metadataCache.getFileCache(file)).toBeNull();
		expect(outlinedNote(h.app as never, file as never, text)).toEqual(outlined(text));
		expect(noteChecklist(outlinedNote(h.app as never, file as never, text))).toEqual(["commented", "real"]);
		await h.settle();
		expect(noteChecklist(outlinedNote(h.app as never, file as never, text))).toEqual(["real"]);
		// A cache behind a write is not trusted either.
		const edited = `Intro line\n${text}`;
		expect(noteChecklist(outlinedNote(h.app as never, file as never, edited))).toEqual(["commented", "real"]);
	});
});
