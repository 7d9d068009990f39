/**
 * Obsidian's DOM helpers (createEl, createDiv, createSpan, empty, setText,
 * addClass...), installed on whatever DOM is present: happy-dom in jest,
 * the real one in Chromium. Behaviour follows Obsidian's documented API.
 */
export interface DomElementInfo {
	cls?: string | string[];
	text?: string | DocumentFragment;
	attr?: Record<string, string | number | boolean | null>;
	title?: string;
	parent?: Node;
	value?: string;
	type?: string;
	prepend?: boolean;
	placeholder?: string;
	href?: string;
}

type Callback<T> = (el: T) => void;

function applyInfo(el: HTMLElement, o: DomElementInfo | string | undefined): void {
	if (o === undefined) return;
	const info: DomElementInfo = typeof o === "string" ? { cls: o } : o;
	if (info.cls) el.classList.add(...(Array.isArray(info.cls) ? info.cls : info.cls.split(" ")).filter(Boolean));
	if (info.text !== undefined) {
		if (typeof info.text === "string") el.textContent = info.text;
		else el.appendChild(info.text);
	}
	if (info.attr) for (const [k, v] of Object.entries(info.attr)) if (v !== null && v !== false) el.setAttribute(k, String(v));
	if (info.title) el.title = info.title;
	if (info.value !== undefined) (el as HTMLInputElement).value = info.value;
	if (info.type) el.setAttribute("type", info.type);
	if (info.placeholder) el.setAttribute("placeholder", info.placeholder);
	if (info.href) el.setAttribute("href", info.href);
}

function makeEl<K extends keyof HTMLElementTagNameMap>(doc: Document, parent: Node | null, tag: K, o?: DomElementInfo | string, cb?: Callback<HTMLElementTagNameMap[K]>): HTMLElementTagNameMap[K] {
	const el = doc.createElement(tag);
	applyInfo(el, o);
	const info = typeof o === "object" ? o : undefined;
	const target = info?.parent ?? parent;
	if (target) {
		if (info?.prepend) target.insertBefore(el, target.firstChild);
		else target.appendChild(el);
	}
	cb?.(el);
	return el;
}

type Win = { Node: typeof Node; HTMLElement: typeof HTMLElement; DocumentFragment: typeof DocumentFragment; document: Document };

export function installDomHelpers(win: Win & Record<string, unknown>): void {
	const doc = win.document;
	const nodeProto = win.Node.prototype as unknown as Record<string, unknown>;
	const elProto = win.HTMLElement.prototype as unknown as Record<string, unknown>;
	const fragProto = win.DocumentFragment.prototype as unknown as Record<string, unknown>;
	if (nodeProto.createEl) return;
	const creators = {
		createEl(this: Node, tag: keyof HTMLElementTagNameMap, o?: DomElementInfo | string, cb?: Callback<HTMLElement>) {
			return makeEl(doc, this, tag, o, cb);
		},
		createDiv(this: Node, o?: DomElementInfo | string, cb?: Callback<HTMLDivElement>) {
			return makeEl(doc, this, "div", o, cb);
		},
		createSpan(this: Node, o?: DomElementInfo | string, cb?: Callback<HTMLSpanElement>) {
			return makeEl(doc, this, "span", o, cb);
		},
		empty(this: Node) {
			while (this.firstChild) this.removeChild(this.firstChild);
		},
		detach(this: Node) {
			this.parentNode?.removeChild(this);
		},
		setText(this: Node, text: string | DocumentFragment) {
			if (typeof text === "string") this.textContent = text;
			else {
				(this as unknown as { empty(): void }).empty();
				this.appendChild(text);
			}
		},
		appendText(this: Node, text: string) {
			this.appendChild(doc.createTextNode(text));
		},
	};
	const svgCreator = {
		createSvg(this: Node, tag: string, o?: DomElementInfo | string, cb?: Callback<Element>) {
			const el = doc.createElementNS("http://www.w3.org/2000/svg", tag);
			const info: DomElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
			if (info.cls) el.classList.add(...(Array.isArray(info.cls) ? info.cls : info.cls.split(" ")).filter(Boolean));
			if (info.attr) for (const [k, v] of Object.entries(info.attr)) if (v !== null && v !== false) el.setAttribute(k, String(v));
			if (typeof info.text === "string") el.textContent = info.text;
			const target = info.parent ?? this;
			if (target) {
				if (info.prepend) target.insertBefore(el, target.firstChild);
				else target.appendChild(el);
			}
			cb?.(el);
			return el;
		},
	};
	Object.assign(nodeProto, creators, svgCreator);
	Object.assign(fragProto, creators);
	const elementHelpers = {
		addClass(this: HTMLElement, ...cls: string[]) {
			this.classList.add(...cls.flatMap((c) => c.split(" ")).filter(Boolean));
		},
		addClasses(this: HTMLElement, cls: string[]) {
			this.classList.add(...cls);
		},
		removeClass(this: HTMLElement, ...cls: string[]) {
			this.classList.remove(...cls);
		},
		toggleClass(this: HTMLElement, cls: string | string[], value: boolean) {
			for (const c of Array.isArray(cls) ? cls : [cls]) this.classList.toggle(c, value);
		},
		hasClass(this: HTMLElement, cls: string) {
			return this.classList.contains(cls);
		},
		setAttr(this: HTMLElement, name: string, value: string | number | boolean | null) {
			if (value === null || value === false) this.removeAttribute(name);
			else this.setAttribute(name, String(value));
		},
		setAttrs(this: HTMLElement, attrs: Record<string, string | number | boolean | null>) {
			for (const [k, v] of Object.entries(attrs)) (this as unknown as { setAttr(k: string, v: unknown): void }).setAttr(k, v);
		},
		getText(this: HTMLElement) {
			return this.textContent ?? "";
		},
		show(this: HTMLElement) {
			this.classList.remove("mlsd-standin-hidden");
			this.hidden = false;
		},
		hide(this: HTMLElement) {
			this.hidden = true;
		},
		isShown(this: HTMLElement) {
			return !this.hidden;
		},
		onClickEvent(this: HTMLElement, cb: (e: MouseEvent) => void) {
			this.addEventListener("click", cb);
		},
	};
	Object.assign(elProto, elementHelpers);
	// Obsidian adds the helpers to every Element, SVG included.
	const elementCtor = (win as Record<string, unknown>).Element as { prototype: object } | undefined;
	if (elementCtor) for (const [k, v] of Object.entries(elementHelpers)) if (!(k in elementCtor.prototype)) (elementCtor.prototype as Record<string, unknown>)[k] = v;
	win.createEl = (tag: keyof HTMLElementTagNameMap, o?: DomElementInfo | string, cb?: Callback<HTMLElement>) => makeEl(doc, null, tag, o, cb);
	win.createDiv = (o?: DomElementInfo | string, cb?: Callback<HTMLDivElement>) => makeEl(doc, null, "div", o, cb);
	win.createSpan = (o?: DomElementInfo | string, cb?: Callback<HTMLSpanElement>) => makeEl(doc, null, "span", o, cb);
	win.createSvg = (tag: string, o?: DomElementInfo | string, cb?: Callback<Element>) => svgCreator.createSvg.call(null as unknown as Node, tag, o, cb);
	win.createFragment = (cb?: Callback<DocumentFragment>) => {
		const f = doc.createDocumentFragment();
		cb?.(f);
		return f;
	};
	win.activeDocument = doc;
	win.activeWindow = win;
}
