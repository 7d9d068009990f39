import { folderTwists, loadFolderCatalog, type FolderCatalog } from "../../src/cli/vaultCatalog";
import { Catalog, toRecord } from "../../src/core/catalog";
import { DEFAULT_FILTERS, drawPrompt } from "../../src/core/prompt";
import { seededRng } from "../../src/core/rng";
import { drawTwist, twistFits, twistParts, twistSaying, type Twist } from "../../src/core/twists";

const EMPTY_TEMPLATE = { version: "", files: [] };

describe("twist notes", () => {
	let fc: FolderCatalog;
	let twists: Twist[];
	beforeAll(async () => {
		fc = await loadFolderCatalog("tests/fixtures/twist-vault", EMPTY_TEMPLATE);
		twists = await folderTwists(fc);
	});

	it("are read from the catalog with what the interviewer says; a note with nothing to say or no twist type is left out", () => {
		expect(twists.map((t) => [t.name, t.fits])).toEqual([
			["Twist - Any traffic", ["any"]],
			["Twist - Late labels", ["fraud-risk", "ads", "recsys"]],
			["Twist - Rare positives", ["fraud-risk", "trust-safety"]],
			["Twist - Speech accents", ["speech"]],
		]);
		expect(twists.find((t) => t.name === "Twist - Speech accents")!.text).toBe("Half of your users now speak with accents the model never heard.");
		expect(fc.catalog.skipped()).toEqual([]);
	});

	it("40 seeded draws each name a twist note whose fits includes the case's domain or any", () => {
		const drawn = new Set<string>();
		for (let seed = 1; seed <= 40; seed++) {
			const r = drawPrompt(fc.catalog, { ...DEFAULT_FILTERS, twist: true }, seededRng(seed), "2026-01-20", twists);
			if (!("draw" in r)) throw new Error(r.error);
			const d = r.draw;
			const note = twists.find((t) => t.name === d.twistNote);
			expect(note).toBeDefined();
			expect(note!.fits.includes(d.domain) || note!.fits.includes("any")).toBe(true);
			expect(d.twist).toBe(note!.text);
			drawn.add(`${d.domain}:${d.twistNote}`);
		}
		// The draws really vary: several domains and several twists, and search never gets a fraud twist.
		expect(drawn.size).toBeGreaterThan(4);
		expect([...drawn].some((x) => x.startsWith("search:") && x !== "search:Twist - Any traffic")).toBe(false);
	});

	it("40 seeded draws from the shipped vault fit their case too", async () => {
		const shipped = await loadFolderCatalog("vault-template", EMPTY_TEMPLATE);
		const all = await folderTwists(shipped);
		expect(all.length).toBeGreaterThanOrEqual(3);
		for (let seed = 100; seed < 140; seed++) {
			const r = drawPrompt(shipped.catalog, { ...DEFAULT_FILTERS, twist: true }, seededRng(seed), "2026-01-20", all);
			if (!("draw" in r)) throw new Error(r.error);
			const fits = all.find((t) => t.name === r.draw.twistNote)!.fits;
			expect(fits.includes(r.draw.domain) || fits.includes("any")).toBe(true);
		}
	});

	it("say so when none fits, and when there are none, and a draw still works", () => {
		const rare = twists.filter((t) => t.name === "Twist - Rare positives");
		const none = drawTwist(rare, "search", seededRng(1));
		expect(none).toEqual({ twist: null, message: expect.stringMatching(/^None of the 1 twist notes fits the domain "search"/) });
		expect(drawTwist([], "search", seededRng(1))).toEqual({ twist: null, message: expect.stringMatching(/There are no twist notes yet/) });
		const c = Catalog.from([toRecord("S.md", { type: "case-study", tags: ["mlsd/case-study"], domain: "search", difficulty: "easy", prompts: ["Design search."] }, "personal")]);
		const r = drawPrompt(c, { ...DEFAULT_FILTERS, twist: true }, seededRng(2), "2026-01-20", rare);
		expect("draw" in r && r.draw).toMatchObject({ prompt: "Design search.", twist: null, twistNote: null, twistNotice: expect.stringMatching(/None of the 1/) });
	});

	it("fit case-insensitively, and 'any' fits every domain", () => {
		expect(twistFits(["any"], "marketplace")).toBe(true);
		expect(twistFits(["speech"], " Speech ")).toBe(true);
		expect(twistFits(["fraud-risk"], "search")).toBe(false);
	});

	it("split into what is said, what changes and the model answer", () => {
		const p = twistParts("---\ntype: twist\nfits: any\n---\n# Title\n\n\"Traffic grows\nten times.\"\n\n## What changes\n\nServing.\n\n## Model answer\n\nCache it.\n");
		expect(p).toEqual({ text: "Traffic grows ten times.", whatChanges: "Serving.", modelAnswer: "Cache it." });
		expect(twistSaying("## What changes\n")).toBe("");
		// A "## " line inside a code block is not a section: the saying and the sections come from the outline.
		const coded = twistParts("# T\n\nLatency halves.\n\n## What changes\n\n```\n## not a heading\n```\nAll of it.\n\n## Model answer\n\nShard.\n");
		expect(coded).toEqual({ text: "Latency halves.", whatChanges: "```\n## not a heading\n```\nAll of it.", modelAnswer: "Shard." });
	});
});
