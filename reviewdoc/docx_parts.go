package reviewdoc

import (
	"fmt"
	"time"
)

// The parts of the .docx that do not depend on the report, and the
// styles: WordprocessingML as Word, WPS and LibreOffice all read it.

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctBase    = "application/vnd.openxmlformats-officedocument."
)

const contentTypesXML = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="` + ctBase + `wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="` + ctBase + `wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="` + ctBase + `wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="` + ctBase + `wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="` + ctBase + `extended-properties+xml"/>` +
	`</Types>`

const packageRelsXML = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRelsXML = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="` + relBase + `settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `footer" Target="footer1.xml"/>` +
	`</Relationships>`

const appXML = xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>PlanDesk</Application></Properties>`

const settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `"><w:defaultTabStop w:val="420"/>` +
	`<w:characterSpacingControl w:val="compressPunctuation"/><w:compat>` +
	`<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>` +
	`</w:compat></w:settings>`

// footerXML centres the page number as official documents print it:
// — 3 —, the number a PAGE field.
const footerXML = xmlHeader + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
	`<w:r><w:t xml:space="preserve">— </w:t></w:r>` +
	`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
	`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
	`<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`

// coreXML is the file's properties: title, subject, author, language, date.
func coreXML(doc *Document) string {
	when := doc.Date.UTC().Format(time.RFC3339)
	return fmt.Sprintf(xmlHeader+`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" `+
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`+
		`<dc:title>%s</dc:title><dc:subject>%s</dc:subject><dc:creator>%s</dc:creator><dc:language>%s</dc:language>`+
		`<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>`+
		`</cp:coreProperties>`, esc(doc.Title), esc(doc.Subtitle), esc(doc.Author), esc(doc.Lang), when, when)
}

// font is a run's fonts: Latin letters and digits in ascii, Chinese in
// eastAsia, as Word picks by character.
func font(eastAsia, ascii string) string {
	return `<w:rFonts w:ascii="` + ascii + `" w:hAnsi="` + ascii + `" w:eastAsia="` + eastAsia + `" w:cs="` + ascii + `"/>`
}

const latin = "Times New Roman"

// style is one paragraph style: its id, name, paragraph and run properties.
func style(id, name, ppr, rpr string) string {
	return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/>` +
		`<w:qFormat/><w:pPr>` + ppr + `</w:pPr><w:rPr>` + rpr + `</w:rPr></w:style>`
}

// heading is a built-in heading style (so Word's navigation pane and
// table of contents know it) at outline level level.
func heading(level int, eastAsia string, halfPoints int, extra string) string {
	id := fmt.Sprintf("Heading%d", level)
	return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="heading ` + fmt.Sprint(level) + `"/><w:basedOn w:val="Normal"/><w:next w:val="BodyText"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:keepLines/>` + extra + `<w:spacing w:before="240" w:after="120" w:line="360" w:lineRule="auto"/><w:outlineLvl w:val="` + fmt.Sprint(level-1) + `"/></w:pPr>` +
		`<w:rPr>` + font(eastAsia, latin) + `<w:b/><w:bCs/><w:sz w:val="` + fmt.Sprint(halfPoints) + `"/><w:szCs w:val="` + fmt.Sprint(halfPoints) + `"/></w:rPr></w:style>`
}

// stylesXML holds the defaults (宋体 小四, Times New Roman, 1.5 lines) and
// every style the document uses; sizes are half-points: 二号 44, 三号 32,
// 四号 28, 小四 24, 五号 21.
func stylesXML(lang string) string {
	size := func(hp int) string { return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp) }
	return xmlHeader + `<w:styles xmlns:w="` + nsW + `"><w:docDefaults><w:rPrDefault><w:rPr>` + font("宋体", latin) + size(24) +
		`<w:lang w:val="` + lang + `" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		heading(1, "黑体", 32, `<w:pageBreakBefore/>`) + heading(2, "黑体", 28, "") + heading(3, "仿宋", 28, "") + heading(4, "仿宋", 24, "") +
		style("Title", "Title", `<w:spacing w:before="3600" w:after="480"/><w:jc w:val="center"/>`, font("黑体", latin)+`<w:b/>`+size(44)) +
		style("Subtitle", "Subtitle", `<w:spacing w:after="1800"/><w:jc w:val="center"/>`, font("黑体", latin)+size(36)) +
		style("CoverLine", "Cover line", `<w:spacing w:after="240"/><w:jc w:val="center"/>`, font("仿宋", latin)+size(32)) +
		style("BodyText", "Review body", `<w:ind w:firstLineChars="200" w:firstLine="480"/>`, "") +
		style("Note", "Review note", `<w:keepNext/><w:spacing w:before="120"/>`, `<w:color w:val="595959"/>`+size(21)) +
		style("QuoteText", "Review quote", `<w:ind w:left="480"/>`, font("仿宋", latin)) +
		style("ReplyText", "Review reply", `<w:ind w:left="960"/>`, size(21)) +
		style("Label", "Review label", `<w:keepNext/><w:spacing w:before="120"/>`, font("黑体", latin)) +
		style("TableText", "Table text", `<w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>`, size(21)) +
		style("TableHeader", "Table header", `<w:keepNext/><w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>`, font("黑体", latin)+size(21)) +
		style("AfterTable", "After table", `<w:spacing w:line="240" w:lineRule="auto"/>`, size(12)) +
		style("Footer", "footer", `<w:jc w:val="center"/>`, size(28)) +
		`</w:styles>`
}
