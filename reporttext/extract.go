package reporttext

import (
	"strings"
	"unicode/utf8"
)

// Proposal is an indicator PlanDesk found in a report's text: a named
// quantity, its value, baseline or target as written, and the sentence it
// came from. Only what the sentence states is filled in; nothing is
// guessed.
type Proposal struct {
	// Name is what the sentence says was measured (数字经济类企业,
	// 第一产业增加值增长).
	Name string
	// Unit is the value's unit with its scale word (家, 亿元, 万人, %).
	Unit string
	// Value is the mid-term value as written, qualifier included
	// (突破210家); empty when the sentence states only a target.
	Value string
	// AsOf is the year the value is given for (由…提高到2023年的…), or empty.
	AsOf string
	// Baseline is the value a 由…到… sentence starts from, as written.
	Baseline string
	// BaselineYear is the baseline's year (由2020年的…), or empty.
	BaselineYear string
	// Target is the value after 目标, 力争, 计划 or 到2025年, as written.
	Target string
	// TargetYear is the target's year (到2025年), or empty.
	TargetYear string
	// LowerIsBetter is set where the name or the sentence says so
	// (失业率, 能耗, 控制在…以内, 下降).
	LowerIsBetter bool
	// Note is a comparison the sentence adds (比2020年提高3.2个百分点).
	Note string
	// Sentence is the sentence the quantity stands in.
	Sentence string
}

// ExtractIndicators proposes the indicators a paragraph states, one per
// statement, in the order they appear. A paragraph that announces targets
// (主要预期目标是：…) makes the quantities after the announcement targets.
func ExtractIndicators(paragraph string) []Proposal {
	return ExtractIndicatorsUnder(nil, paragraph)
}

// ExtractIndicatorsUnder proposes the indicators of a paragraph of the
// section under headings (the top-level part first): under a heading of
// plans (三、2024年重点任务, 工作打算, 主要预期目标) every quantity is a
// target, of the heading's year when it names one.
func ExtractIndicatorsUnder(headings []string, paragraph string) []Proposal {
	var out []Proposal
	ctx := contextOf(headings)
	targets := ctx.targets
	for _, sentence := range splitSentences(withoutPageMarks(paragraph)) {
		s := sentenceReader{text: strings.TrimSpace(sentence), targets: targets, year: ctx.year}
		if y, ok := openingYear(s.text); ok {
			s.year = y
		}
		for _, clause := range splitClauses(sentence) {
			s.read(clause)
		}
		targets = s.targets
		out = append(out, s.out...)
	}
	return out
}

// sectionContext is what the headings above a paragraph say of its
// numbers: that they are targets, and of which year.
type sectionContext struct {
	targets bool
	year    string
}

// planHeadings mark a section of plans; reportHeadings one of results,
// which wins (2023年计划执行情况 reports results).
var (
	planHeadings   = []string{"目标", "打算", "安排", "重点任务", "主要任务", "工作建议", "计划", "思路", "建议"}
	reportHeadings = []string{"执行情况", "完成情况", "进展", "回顾", "成效", "成绩"}
)

func contextOf(headings []string) sectionContext {
	var c sectionContext
	for _, h := range headings {
		plan := false
		for _, w := range planHeadings {
			plan = plan || strings.Contains(h, w)
		}
		for _, w := range reportHeadings {
			plan = plan && !strings.Contains(h, w)
		}
		if plan {
			c.targets = true
			if y, _ := lastYear(h); y != "" {
				c.year = y
			}
		}
	}
	return c
}

// sentenceReader reads one sentence clause by clause, carrying what a
// clause without a subject of its own takes from the ones before it.
type sentenceReader struct {
	text string
	// seen is the sentence up to the clause being read.
	seen string
	// subject is the name of the last level stated (第一产业增加值), which
	// a following rate without a subject of its own takes.
	subject string
	// targets says the quantities read now are targets: the paragraph or
	// the sentence announced them.
	targets bool
	// year is the year the sentence opens with (2023年，…) or the
	// section's heading names, for values and targets that give none.
	year string
	// items is the last 分别 list, which a following 分别 without one of
	// its own takes (…分别达到52680元、28350元，分别增长5.2%、7.1%).
	items []string
	// fromTo says a 由…到… statement was read, so a comparison after it
	// (比2020年提高3.2个百分点) is its note, not an indicator.
	fromTo bool
	out    []Proposal
}

// read proposes the quantities of one clause.
func (s *sentenceReader) read(clause string) {
	defer func() { s.seen += clause }()
	body := strings.TrimRight(clause, "，,：:。！？；;!?. ")
	if announcesTargets(body) {
		s.targets = true
	}
	qs := indicatorQuantities(body)
	if len(qs) == 0 {
		return
	}
	// A comparison in a count, not a rate (比上年同期增加21个), is an
	// absolute change: a difference like 个百分点.
	difference := isDifference(body) || isComparison(body) && !isRate(qs[0].unit)
	// After 由…到…, a change in points is how fast it went (年均提高0.16个百分点).
	pace := s.fromTo && qs[0].unit == "个百分点" && len(qs) == 1
	if (s.fromTo || difference) && len(s.out) > 0 && (isComparison(body) || pace) {
		last := &s.out[len(s.out)-1]
		last.Note = strings.TrimSpace(strings.TrimLeft(body, "，, "))
		return
	}
	if isComparison(body) && difference {
		return
	}
	if s.attachTarget(body, qs) {
		return
	}
	if at := strings.Index(body, "分别"); at >= 0 && len(qs) >= 2 && qs[0].start > at {
		s.respectively(body, at, qs)
		return
	}
	if s.readFromTo(body, qs) {
		return
	}
	s.readEach(body, qs)
}

// readEach names each quantity of a clause from the words before it (or
// after it: 共有286家高新技术企业), the clause's subject when it has none.
// Words after a 、 name the next quantity, not this one (改造老旧小区42个、
// 惠及居民1.3万户), and an item of such a list without a verb takes the
// verb the list opens with when it counts them alike (新建院士工作站5个、
// 博士后科研工作站8个, but not 改造老旧小区42个、惠及居民1.3万户).
func (s *sentenceReader) readEach(clause string, qs []quantity) {
	prevEnd := 0
	verb, unit := "", ""
	for i, q := range qs {
		nextStart := len(clause)
		if i+1 < len(qs) {
			nextStart = qs[i+1].start
		}
		listed := strings.HasPrefix(clause[prevEnd:q.start], "、")
		before := strings.Trim(clause[prevEnd:q.start], "、和及与 ")
		after := strings.Trim(clause[q.end:nextStart], "、和及与 ")
		if strings.HasPrefix(clause[q.end:nextStart], "、") {
			after = ""
		}
		prevEnd = q.end
		names := s.namesFor(before, after, q)
		if !listed {
			verb, unit = "", q.unit
			if len(names) == 1 {
				verb, _ = prefixOf(names[0], listVerbs)
			}
		}
		for _, name := range names {
			if _, has := prefixOf(name, listVerbs); listed && !has && q.unit == unit {
				name = verb + name
			}
			s.propose(name, q, clause)
		}
	}
}

// namesFor is the name or names of one quantity.
func (s *sentenceReader) namesFor(before, after string, q quantity) []string {
	subject, verb := splitChange(cleanName(before))
	if verb != "" {
		// A change (增长4.5%, 下降3%): its subject, or the clause's.
		if subject == "" {
			subject = s.subject
		}
		if subject == "" {
			return nil
		}
		s.subject = subject // 年均增长6.4%，2022年达到812.6亿元
		return []string{subject + verb}
	}
	after = cleanName(after)
	if strings.HasSuffix(before, "的") && after != "" {
		subject = "" // 确定的10件民生实事: the words before only qualify the noun after
	}
	names := proposalNames(subject, after, isRate(q.unit))
	if len(names) == 0 && s.subject != "" && !isRate(q.unit) {
		names = []string{s.subject}
	}
	if len(names) == 1 && !isRate(q.unit) {
		s.subject = names[0]
	}
	return names
}

// propose adds one proposal for quantity q of clause under name.
func (s *sentenceReader) propose(name string, q quantity, clause string) {
	s.add(name, q, q.value(clause), clause)
}

// add proposes value, written for quantity q of clause, under name.
func (s *sentenceReader) add(name string, q quantity, value, clause string) {
	name, year := trailingYear(name)
	if year == "" {
		year, _ = openingYear(clause) // …年均增长6.4%，2022年达到812.6亿元
	}
	p := Proposal{Name: name, Unit: q.unit, Sentence: s.text}
	s.place(&p, value, s.seen+clause[:q.start])
	if year != "" && p.Value != "" {
		p.AsOf = year
	}
	p.LowerIsBetter = lowerIsBetter(name, clause)
	s.out = append(s.out, p)
}

// place puts a value where it belongs: the target when the words before
// it in the sentence make it one, the mid-term value otherwise.
func (s *sentenceReader) place(p *Proposal, value, before string) {
	year, future := targetYear(before)
	if s.targets || future || announcesTargets(before) {
		if year == "" {
			year = s.year
		}
		p.Target, p.TargetYear = value, year
		return
	}
	p.Value, p.AsOf = value, s.year
}

// attachTarget gives the indicator just stated the target a clause
// measures it against (…比重达到8.6%，距规划目标10%尚有差距; …增加到168.5亿元，
// 规划目标为2025年达到210亿元), and reports whether the clause was one.
func (s *sentenceReader) attachTarget(clause string, qs []quantity) bool {
	lead := strings.TrimLeft(clause[:qs[0].start], "，, ")
	if len(s.out) == 0 || len(qs) > 1 || !targetOfTheLast(lead) {
		return false
	}
	last := &s.out[len(s.out)-1]
	if last.Unit != qs[0].unit || last.Target != "" {
		return false
	}
	last.Target = qs[0].value(clause)
	if year, _ := lastYear(lead); year != "" {
		last.TargetYear = year
	}
	last.LowerIsBetter = last.LowerIsBetter || lowerIsBetter("", clause)
	return true
}

// targetOfTheLast reports whether the words before a clause's only number
// name a target without a subject of their own (距规划目标, 规划目标为2025年达到,
// 目标是年均增长), which makes it the target of the indicator before.
func targetOfTheLast(lead string) bool {
	at := strings.Index(lead, "目标")
	if at < 0 || utf8.RuneCountInString(lead[:at]) > 4 || strings.ContainsAny(lead[:at], "0123456789") {
		return false
	}
	if strings.ContainsAny(lead[:min(len(lead), 3)], "距离较比低高") {
		return true
	}
	rest := strings.TrimLeft(lead[at+len("目标"):], "为是：: ")
	subject, _ := splitChange(cleanName(rest))
	return subject == ""
}

// respectively reads a 分别 list: "存款、贷款余额分别增长7.2%、10.5%" gives
// 存款余额增长 7.2% and 贷款余额增长 10.5%. A qualifier written once after
// the last value (7%、8%左右) belongs to each.
func (s *sentenceReader) respectively(clause string, at int, qs []quantity) {
	items := shareParts(strings.Split(cleanName(clause[:at]), "、"))
	if len(items) == 1 && items[0] == "" {
		items = s.items // 分别增长5.2%、7.1%: the list of the clause before
	}
	s.items = items
	_, verb := splitChange(clause[at+len("分别") : qs[0].start])
	last := qs[len(qs)-1].suffix
	for i := range min(len(items), len(qs)) {
		q := qs[i]
		value := q.value(clause)
		if q.suffix == "" && last != "" {
			value += last
		}
		name := items[i]
		if isRate(q.unit) || verb != "" {
			name += verb
		}
		s.add(name, q, value, clause)
	}
}

// readFromTo reads "规模以上工业增加值由2020年的312亿元提高到2023年的405.6亿元"
// as one indicator with its baseline, and reports whether the clause was
// one.
func (s *sentenceReader) readFromTo(clause string, qs []quantity) bool {
	if len(qs) < 2 {
		return false
	}
	lead := clause[:qs[0].start]
	from := strings.LastIndexAny(lead, "由从")
	if from < 0 {
		return false
	}
	between := clause[qs[0].end:qs[1].start]
	_, verb := splitChange(strings.TrimRight(strings.SplitN(between, "到", 2)[0], "至"))
	if verb == "" || !strings.ContainsAny(between, "到至") {
		return false
	}
	name := cleanName(lead[:from])
	if name == "" {
		name = s.subject
	}
	if name == "" {
		return false
	}
	p := Proposal{Name: name, Unit: qs[1].unit, Baseline: qs[0].value(clause), Sentence: s.text}
	p.BaselineYear, _ = lastYear(lead[from:])
	year, future := lastYear(between)
	if s.targets || future || announcesTargets(s.seen+lead) {
		p.Target, p.TargetYear = qs[1].value(clause), year
	} else {
		p.Value, p.AsOf = qs[1].value(clause), year
	}
	p.LowerIsBetter = lowerIsBetter(name, clause) || isDecline(verb)
	s.out = append(s.out, p)
	s.subject, s.fromTo = name, true
	return true
}

// splitSentences splits a paragraph after each sentence mark, full-width
// or ASCII; an ASCII full stop between digits (3.5%) is a decimal point.
func splitSentences(paragraph string) []string {
	var parts []string
	start := 0
	for i, r := range paragraph {
		end := i + len(string(r))
		stop := strings.ContainsRune("。！？；;!?", r)
		if r == '.' {
			stop = (i == 0 || !isDigit(paragraph[i-1])) || end == len(paragraph) || !isDigit(paragraph[end])
		}
		if stop {
			parts = append(parts, paragraph[start:end])
			start = end
		}
	}
	if start < len(paragraph) {
		parts = append(parts, paragraph[start:])
	}
	return parts
}

// splitClauses splits a sentence after each clause mark, full-width or
// ASCII; an ASCII comma or colon between digits (1,234, 8:30) is part of
// the number.
func splitClauses(sentence string) []string {
	var parts []string
	start := 0
	for i, r := range sentence {
		if !strings.ContainsRune("，：,:", r) {
			continue
		}
		if (r == ',' || r == ':') && i > 0 && i+1 < len(sentence) && isDigit(sentence[i-1]) && isDigit(sentence[i+1]) {
			continue
		}
		end := i + len(string(r))
		parts = append(parts, sentence[start:end])
		start = end
	}
	if start < len(sentence) {
		parts = append(parts, sentence[start:])
	}
	return parts
}

// Headings gives each section the headings from its top-level part down to
// itself, numbering included, for ExtractIndicatorsUnder.
func (p *ParsedReport) Headings() map[*ParsedSection][]string {
	paths := map[*ParsedSection][]string{}
	p.Walk(func(s, parent *ParsedSection, _ int) {
		path := append([]string(nil), paths[parent]...)
		paths[s] = append(path, s.Numbering+s.Title)
	})
	return paths
}
