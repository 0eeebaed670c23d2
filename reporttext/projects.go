package reporttext

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ProjectProgress is how far a proposed project has come, as its sentence
// says.
type ProjectProgress int

// The progress a sentence can state. A report of what was done (建成,
// 开工) states where a project stands; a plan (力争…建成, 加快开工, or any
// sentence under a heading of plans) states where it is headed: a project
// to be begun has not started, one to be finished is under way.
const (
	ProjectNotStarted ProjectProgress = iota // 计划开工
	ProjectUnderway                          // 开工, 开工建设; 力争建成
	ProjectCompleted                         // 建成, 投入运营, 获批, 全面消除, 完成
)

// ProjectProposal is a major project or key task PlanDesk found in a
// report's text: the thing the sentence says was built, begun, approved
// or done, when it is due if the sentence gives a year, and how far it has
// come. Nothing is guessed: a sentence that gives no year leaves
// PlannedCompletion empty.
type ProjectProposal struct {
	// Name is the project or task (琴台中央文化艺术区美术馆, 消除黑臭水体).
	Name string
	// PlannedCompletion is the year the sentence gives, as written
	// (2025年, 2024年底); empty when it gives none.
	PlannedCompletion string
	// Progress is what the sentence's verb says.
	Progress ProjectProgress
	// Verb is the word that marked the project (建成, 开工…).
	Verb string
	// Sentence is the sentence the project stands in.
	Sentence string
}

// projectVerbs mark a sentence that reports on a project (竣工 and 完工
// beside the words the issue named, as reports use them alike), longest
// first so that 全面消除 wins at the same place; done says the verb reports
// the project finished.
var projectVerbs = []struct {
	word string
	done bool
}{
	{"全面消除", true}, {"投入运营", true}, {"投入使用", true}, {"建成", true}, {"竣工", true}, {"完工", true},
	{"获批", true}, {"完成", true}, {"开工", false},
}

var (
	// verbTails follow a verb as part of it (建成通车, 开工建设, 建成并投入运营).
	verbTails = []string{"并投入运营", "并投入使用", "并投用", "开放", "上线", "通车", "投用", "投产", "使用", "运营",
		"运行", "建设", "交付", "开园", "开业", "验收", "实施", "了"}
	// verbLeads stand between a project and its verb and only say how or
	// when (全面建成, 顺利开工, 力争建成).
	verbLeads = []string{"全线", "全面", "基本", "顺利", "正式", "率先", "已经", "均已", "已", "均", "全部", "如期", "按期", "按时",
		"提前", "先后", "相继", "陆续", "成功", "加快", "将", "计划", "力争", "确保", "争取", "预计", "年内", "前", "并",
		"圆满", "超额", "高质量", "新", "启动", "推动", "推进", "于", "在", "到", "年底前"}
	// plannedWords before a verb make the sentence a plan, not a report.
	plannedWords = []string{"力争", "计划", "确保", "争取", "预计", "将", "加快", "推动", "推进", "启动", "年底前", "年内", "拟"}
	// projectPrefixes only place or introduce a project (其中, 全区, 推动).
	projectPrefixes = []string{"其中", "同时", "另外", "此外", "并且", "以及", "并", "和", "及", "与", "辖区",
		"力争", "计划", "确保", "争取", "预计", "将", "启动", "推动", "推进", "加快", "积极", "大力", "全力", "着力", "实现", "率先", "累计"}
	// genericProjects are kinds of project, not projects: a name that is
	// one of them once its scope words are gone is left out.
	genericProjects = []string{"重点项目", "重大项目", "重大工程", "重大工程项目", "项目", "工程", "任务", "目标任务", "工作", "改造", "建设"}
	// scopeWords only say whose a generic project is (省市县重点项目).
	scopeWords = []string{"省", "市", "县", "区", "镇", "全区", "全市", "各级", "各类", "一批", "年度"}
	// genericParts make a name a summary rather than a project.
	genericParts = []string{"主要目标", "主要指标", "各项", "下达", "目标任务圆满"}
	// noVerbAfter follows a verb's word where it is part of a noun
	// (建成率, 建成区, 完成情况, 完成值, 建成后).
	noVerbAfter = "率区情值度量后时"
	// yearPhrase is a year as a report writes a date (2025年, 2024年底前).
	yearPhrase = regexp.MustCompile(`\d{4}年(?:底前|年底|底|末|内|前|上半年|下半年)?`)
)

// maxProjectName is the longest name proposed: a longer one is a clause,
// not the name of a thing.
const maxProjectName = 40

// ExtractProjects proposes the projects and tasks a paragraph reports on,
// in the order they appear.
func ExtractProjects(paragraph string) []ProjectProposal {
	return ExtractProjectsUnder(nil, paragraph)
}

// ExtractProjectsUnder proposes the projects of a paragraph of the section
// under headings (the top-level part first): under a heading of plans
// every project is planned, due in the heading's year when it names one.
// A clause that states a quantity is an indicator's, not a project's
// (全区规划路网建成率达到75.3%, 完成国企改革75项任务), and a clause that names a
// kind of project rather than one (推动重大产业项目等加快开工建设) proposes none.
func ExtractProjectsUnder(headings []string, paragraph string) []ProjectProposal {
	ctx := contextOf(headings)
	var out []ProjectProposal
	seen := map[string]bool{}
	for _, sentence := range splitSentences(withoutPageMarks(paragraph)) {
		text := strings.TrimSpace(sentence)
		opening, _ := openingYear(text)
		for _, clause := range splitClauses(sentence) {
			body := strings.TrimRight(clause, "，,：:。！？；;!?. ")
			if len(indicatorQuantities(body)) > 0 {
				continue
			}
			for _, part := range projectParts(body) {
				p, ok := readProject(part, ctx.targets)
				if !ok || seen[p.Name] {
					continue
				}
				seen[p.Name] = true
				p.Sentence = text
				switch {
				case p.PlannedCompletion != "":
				case opening != "":
					p.PlannedCompletion = opening + "年"
				case ctx.targets && ctx.year != "":
					p.PlannedCompletion = ctx.year + "年"
				}
				out = append(out, p)
			}
		}
	}
	return out
}

// projectParts splits a clause at 、 when more than one item has a verb of
// its own (甲桥建成通车、乙路开工建设); otherwise the clause is one part (甲、乙
// 两座桥建成 is one list of what was built).
func projectParts(clause string) []string {
	items := strings.Split(clause, "、")
	withVerb := 0
	for _, it := range items {
		if _, _, ok := findProjectVerb(it); ok {
			withVerb++
		}
	}
	if withVerb < 2 {
		return []string{clause}
	}
	return items
}

// findProjectVerb is the first verb of a project in text that is not part
// of a noun, and where it stands.
func findProjectVerb(text string) (at int, verb int, ok bool) {
	best := -1
	for i, v := range projectVerbs {
		from := 0
		for {
			j := strings.Index(text[from:], v.word)
			if j < 0 {
				break
			}
			j += from
			next := firstRune(text[j+len(v.word):])
			partOfNoun := next != utf8.RuneError && strings.ContainsRune(noVerbAfter, next)
			if v.word == "完成" && strings.HasSuffix(text[:j], "办理") {
				partOfNoun = true // 办理完成 is business as usual, not a task
			}
			if !partOfNoun {
				if best < 0 || j < at {
					at, best = j, i
				}
				break
			}
			from = j + len(v.word)
		}
	}
	return at, best, best >= 0
}

// readProject reads one part of a clause: the thing after its verb
// (建成全市首家区级养老中心), or else before it (琴台中央文化艺术区美术馆建成开放).
func readProject(part string, planned bool) (ProjectProposal, bool) {
	at, vi, ok := findProjectVerb(part)
	if !ok {
		return ProjectProposal{}, false
	}
	verb := projectVerbs[vi]
	before, after := part[:at], part[at+len(verb.word):]
	for _, w := range plannedWords {
		planned = planned || strings.Contains(before, w)
	}
	name := projectObject(after)
	if name == "" {
		name = projectSubject(before)
	}
	if verb.word == "全面消除" && name != "" {
		name = "消除" + name // the task is the removal, not the thing removed
	}
	if !isProjectName(name) {
		return ProjectProposal{}, false
	}
	p := ProjectProposal{Name: name, Verb: verb.word}
	if years := yearPhrase.FindAllString(part, -1); len(years) > 0 {
		p.PlannedCompletion = years[len(years)-1]
	}
	done := verb.done
	for _, v := range projectVerbs {
		done = done || v.done && strings.Contains(after, v.word) // 开工建设并投入运营
	}
	switch {
	case planned && !done:
		p.Progress = ProjectNotStarted
	case planned, !done:
		p.Progress = ProjectUnderway
	default:
		p.Progress = ProjectCompleted
	}
	return p, true
}

// projectObject is the thing named after a verb, up to a 并 that joins a
// second verb, without the words that complete the verb; "" when the verb
// ends its clause (美术馆建成开放).
func projectObject(after string) string {
	for {
		before := after
		after = trimAny(after, verbTails, strings.TrimPrefix, strings.HasPrefix)
		if after == before {
			break
		}
	}
	if i := strings.Index(after, "并"); i >= 0 {
		after = after[:i]
	}
	return cleanProjectName(after)
}

// projectSubject is the thing named before a verb, without the words
// between them that only say how or when (力争到2025年, 全面).
func projectSubject(before string) string {
	for {
		prev := before
		before = strings.TrimRight(before, " ，,")
		if loc := yearPhrase.FindAllStringIndex(before, -1); len(loc) > 0 && loc[len(loc)-1][1] == len(before) {
			before = before[:loc[len(loc)-1][0]]
		}
		before = trimAny(before, verbLeads, strings.TrimSuffix, strings.HasSuffix)
		if before == prev {
			break
		}
	}
	return cleanProjectName(before)
}

// cleanProjectName trims what only places or introduces a name, keeping
// quotation marks that belong to it (“双百”目标任务).
func cleanProjectName(s string) string {
	for {
		before := s
		s = strings.Trim(s, " \t　、，,：:（）()")
		s = trimYear(s)
		s = trimAny(s, projectPrefixes, strings.TrimPrefix, strings.HasPrefix)
		s = trimAny(s, verbTails, strings.TrimSuffix, strings.HasSuffix)
		if strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") && strings.Count(s, "“") == 1 {
			s = s[len("“") : len(s)-len("”")]
		}
		if s == before {
			return s
		}
	}
}

// isProjectName reports whether name names one project: a few words with
// Chinese in them, not a list of kinds (甲项目、乙项目等), not a kind alone
// (省市县重点项目) and not a summary (主要目标任务).
func isProjectName(name string) bool {
	n := utf8.RuneCountInString(name)
	if n < 2 || n > maxProjectName || !strings.ContainsFunc(name, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
		return false
	}
	if strings.HasSuffix(name, "等") || strings.Contains(name, "等各") {
		return false
	}
	for _, w := range genericParts {
		if strings.Contains(name, w) {
			return false
		}
	}
	kind := name
	for {
		before := kind
		kind = trimAny(kind, scopeWords, strings.TrimPrefix, strings.HasPrefix)
		if kind == before {
			break
		}
	}
	for _, g := range genericProjects {
		if kind == g {
			return false
		}
	}
	return true
}
