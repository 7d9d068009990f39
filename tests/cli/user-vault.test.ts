/**
 * Living in a user's vault, from the command line: only notes with an
 * mlsd/<kind> tag take part; a short personal case of any domain is drawn and
 * passes doctor; a 0.1-style `type:` note is invisible to every command.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { mlsd } from "../helpers/cli";

/** A short personal case: any domain, values in any case, one prompt, ten lines. */
const MARKETPLACE_CASE = [
	"---",
	"tags: [mlsd/case-study, mlsd/domain/marketplace]",
	"domain: marketplace",
	"difficulty: Medium",
	"prompts:",
	"  - Design the matching of buyers and sellers for a second-hand marketplace.",
	"---",
	"# Buyer and seller matching",
	"",
	"Two-sided ranking: buyers see listings, sellers see offers. Start from [[Two-tower model]].",
	"",
	"## Checklist",
	"- [ ] Balanced both sides' metrics",
].join("\n");

/** A philosopher's note: `type: concept` and no tag. Ours in 0.1; not any more. */
const PHILOSOPHY = "---\ntype: concept\ncategory: metric\n---\n# Being and time\n\n## Flashcards\nWhat is Dasein?::Being-there.\n\n## Checklist\n- [ ] Read chapter 2\n";
/** A Templater template with `type: template`. */
const TEMPLATER = "---\ntype: template\n---\n# <% tp.file.title %>\n";
/** An untagged `type: case-study` note, valid in 0.1. */
const OLD_CASE = "---\ntype: case-study\ndomain: search\ndifficulty: easy\nprompts:\n  - Design a recipe search for my cooking blog.\n---\n# Recipe search\n";
/** An untagged practice note. */
const OLD_PRACTICE = "---\ntype: practice\ncase: \"[[Recipe search]]\"\ndate: 2026-13-45\nrating: good\n---\n";

/** One install, copied for each scenario (an install is the slowest step). */
let installed: string | null = null;
function installedVault(): string {
	if (!installed) {
		installed = mkdtempSync(join(tmpdir(), "mlsd-user-"));
		expect(mlsd("install", installed, "--json").code).toBe(0);
	}
	const vault = mkdtempSync(join(tmpdir(), "mlsd-user-"));
	cpSync(installed, vault, { recursive: true });
	return vault;
}

function write(vault: string, path: string, text: string): void {
	mkdirSync(join(vault, path, ".."), { recursive: true });
	writeFileSync(join(vault, path), text);
}

describe("a personal case in a user's vault", () => {
	const vault = installedVault();
	write(vault, "Mine/Buyer and seller matching.md", MARKETPLACE_CASE);

	it("is drawn with --domain marketplace (domain and difficulty read case-insensitively)", () => {
		const r = mlsd("prompt", vault, "--domain", "Marketplace", "--json", "--no-twist");
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout)).toMatchObject({
			case: "Buyer and seller matching", domain: "marketplace", difficulty: "medium",
			prompt: "Design the matching of buyers and sellers for a second-hand marketplace.",
		});
	});

	it("passes doctor: exit 0, held to what commands need, not to the shipped content standard", () => {
		const r = mlsd("doctor", vault, "--no-diagrams");
		expect(r.stdout).not.toMatch(/Buyer and seller matching/);
		expect(r.stdout).toMatch(/Content standard: \d+ shipped notes \(from the install record\)/);
		expect(r.stdout).toMatch(/No problems found\.$/m);
		expect(r.code).toBe(0);
	});

	it("adds its checklist items to the case's checklist", () => {
		const r = mlsd("checklist", vault, "--case", "buyer and seller matching");
		expect(r.stdout).toContain("## Specific to Buyer and seller matching\n\n- [ ] Balanced both sides' metrics");
	});

	it("with --strict, the same short case is held to the content standard", () => {
		const r = mlsd("doctor", vault, "--no-diagrams", "--strict");
		expect(r.code).toBe(1);
		expect(r.stdout).toMatch(/Mine\/Buyer and seller matching\.md:\d+: \[length\]/);
	});
});

describe("a note with type: and no mlsd/ tag", () => {
	const vault = installedVault();
	write(vault, "Philosophy/Being and time.md", PHILOSOPHY);
	write(vault, "Templates/Meeting.md", TEMPLATER);
	write(vault, "Cooking/Recipe search.md", OLD_CASE);
	write(vault, "Cooking/Practice recipe search.md", OLD_PRACTICE);

	it("is never drawn, even when it is the only match", () => {
		const r = mlsd("prompt", vault, "--domain", "search", "--difficulty", "easy", "--json");
		expect(r.code).toBe(1);
		expect(r.stdout + r.stderr).not.toMatch(/Recipe search|cooking/i);
	});

	it("adds nothing to the checklist", () => {
		const r = mlsd("checklist", vault);
		expect(r.code).toBe(0);
		expect(r.stdout).not.toMatch(/Read chapter 2/);
		// Not a case of ours: the strict CLI answers with the cases there are (a usage error, exit 2).
		const r2 = mlsd("checklist", vault, "--case", "Recipe search");
		expect(r2.code).toBe(2);
		expect(r2.stderr).not.toMatch(/Recipe search"?,/);
	});

	it("is not counted by progress, even with a date that is not a date", () => {
		const r = mlsd("progress", vault, "--json", "--today", "2026-01-31");
		expect(r.code).toBe(0);
		const p = JSON.parse(r.stdout) as { sessions: number; skipped: unknown[] };
		expect(p.sessions).toBe(0);
		expect(p.skipped).toEqual([]);
	});

	it("is not judged by doctor: exit 0, mentioned only as info", () => {
		const r = mlsd("doctor", vault, "--no-diagrams");
		expect(r.code).toBe(0);
		const mine = r.stdout.split("\n").filter((l) => /^(Philosophy|Templates|Cooking)\//.test(l));
		expect(mine.map((l) => l.replace(/:\d+: /, ": ").replace(/\] .*/, "]")).sort()).toEqual([
			"Cooking/Practice recipe search.md: info [untagged]",
			"Cooking/Recipe search.md: info [untagged]",
			"Philosophy/Being and time.md: info [untagged]",
			"Templates/Meeting.md: info [untagged]",
		]);
		expect(r.stdout).toMatch(/4 notes have a "type:" of ours but no mlsd\/ tag/);
		expect(r.stdout).toMatch(/^No problems found\.$/m);
	});
});

describe("read commands skip and name a bad note", () => {
	it("prompt, checklist, progress and doctor survive an unreadable note and a date that is not a date", () => {
		const vault = installedVault();
		write(vault, "Mine/Secret.md", MARKETPLACE_CASE);
		write(vault, "Practice/Practice 2026-13-45 Feed.md", "---\ntags: [mlsd/practice]\ncase: \"[[Buyer and seller matching]]\"\ndate: 2026-13-45\nrating: good\n---\n");
		write(vault, "Views/Broken.canvas", "null");
		write(vault, "Views/Broken.base", "views: [unclosed\n");
		chmodSync(join(vault, "Mine/Secret.md"), 0o000);
		const unreadable = process.getuid?.() !== 0; // root reads anything
		try {
			const prompt = mlsd("prompt", vault, "--json");
			expect(prompt.code).toBe(0);
			if (unreadable) expect(prompt.stderr).toMatch(/skipped Mine\/Secret\.md: could not be read/);
			const progress = mlsd("progress", vault, "--today", "2026-01-31");
			expect(progress.code).toBe(0);
			expect(progress.stderr).toMatch(/skipped Practice\/Practice 2026-13-45 Feed\.md: "date" is "2026-13-45", which is not a real date/);
			expect(progress.stderr + progress.stdout).not.toMatch(/Invalid time value/);
			expect(mlsd("checklist", vault).code).toBe(0);
			const doctor = mlsd("doctor", vault, "--no-diagrams");
			expect(doctor.stdout).toMatch(/Views\/Broken\.canvas:1: info \[canvas\] A canvas must be a JSON object/);
			expect(doctor.stdout).toMatch(/Views\/Broken\.base:\d+: info \[base\] Not valid YAML/);
			expect(doctor.stdout).toMatch(/Practice\/Practice 2026-13-45 Feed\.md:\d+: \[properties\] "date" is "2026-13-45"/);
			if (unreadable) expect(doctor.stdout).toMatch(/Mine\/Secret\.md: warning \[unreadable\] could not be read/);
			expect(doctor.stderr).toBe("");
		} finally {
			chmodSync(join(vault, "Mine/Secret.md"), 0o644);
		}
	});
});

describe("flashcards due in a folder (for mlsd plan)", () => {
	it("counts today's new cards, then fewer once some are graded", async () => {
		const { loadFolderCatalog, folderFlashcardsDue } = await import("../../src/cli/vaultCatalog");
		const { loadTemplate } = await import("../../src/generated/vaultTemplate");
		const { cardsInNote, appendReviews, newReviewLog, reviewLine } = await import("../../src/core/flashcards");
		const vault = mkdtempSync(join(tmpdir(), "mlsd-cards-"));
		write(vault, "Concepts/Calibration.md", "---\ntags: [mlsd/concept]\n---\n## Flashcards\nA::1\nB::2\nC:::3\n");
		write(vault, "Philosophy/Being.md", "---\ntype: concept\n---\n## Flashcards\nDasein?::Being-there.\n");
		// Five minutes after a first "good": that card comes back in about ten minutes, so it is not due yet.
		const now = new Date("2026-01-20T11:05:00Z");
		let fc = await loadFolderCatalog(vault, loadTemplate());
		expect(folderFlashcardsDue(fc, "Practice/Flashcard reviews.md", now)).toBe(4);
		const [a] = cardsInNote({ name: "Calibration", path: "Concepts/Calibration.md" }, fc.texts.get("Concepts/Calibration.md")!);
		write(vault, "Practice/Flashcard reviews.md", appendReviews(newReviewLog((await import("../../src/cli/frontmatter")).stringifyYaml), [reviewLine({ at: new Date("2026-01-20T11:00:00Z"), id: a!.id, grade: "good" })]));
		fc = await loadFolderCatalog(vault, loadTemplate());
		expect(folderFlashcardsDue(fc, "Practice/Flashcard reviews.md", now)).toBe(3);
		expect(folderFlashcardsDue(fc, "Practice/Flashcard reviews.md", now, 2)).toBe(1);
	});
});
