/** Choose a case study (or the generic checklist) with fuzzy search. */
import { FuzzySuggestModal, type App } from "obsidian";
import type { CaseRecord } from "../core/catalog";

export type CaseChoice = CaseRecord | "generic";

export class CaseSuggestModal extends FuzzySuggestModal<CaseChoice> {
	constructor(app: App, private readonly cases: CaseRecord[], private readonly onPick: (c: CaseChoice) => void, private readonly withGeneric = true) {
		super(app);
		this.setPlaceholder(withGeneric ? "Choose a case study, or the generic checklist" : "Choose a case study");
	}

	getItems(): CaseChoice[] {
		return this.withGeneric ? ["generic", ...this.cases] : [...this.cases];
	}

	getItemText(item: CaseChoice): string {
		return item === "generic" ? "Generic checklist (any problem)" : `${item.name} (${item.domain}, ${item.difficulty})`;
	}

	onChooseItem(item: CaseChoice): void {
		this.onPick(item);
	}
}
