package reporttext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// indicatorQuantities are the quantities of a clause that are indicators:
// not part of a longer number, a name or a formula, not a rank (居全省第4位,
// 排名前10位) and not a threshold that scopes a noun (500万元以上企业,
// 60岁以上老年人).
func indicatorQuantities(clause string) []quantity {
	var out []quantity
	for _, q := range findQuantities(clause) {
		before, after := clause[:q.valueStart], clause[q.end:]
		switch {
		case !standsAlone(before, after):
		case strings.HasSuffix(before, "第"), strings.HasSuffix(before, "前") && (q.unit == "位" || q.unit == "名"):
		case q.suffix == "以上" || q.suffix == "以下":
			if r := firstRune(after); !unicode.Is(unicode.Han, r) {
				out = append(out, q)
			}
		default:
			out = append(out, q)
		}
	}
	return out
}

// standsAlone reports whether the quantity between before and after is a
// count in its own right, not part of a longer number, a name or a formula.
func standsAlone(before, after string) bool {
	if before != "" {
		last := lastRune(before)
		if isLatinLetter(last) || last >= '0' && last <= '9' || strings.ContainsRune(".+-/", last) {
			return false
		}
	}
	if after != "" {
		next := firstRune(after)
		if isLatinLetter(next) || next >= '0' && next <= '9' || strings.ContainsRune("+-/月", next) {
			return false
		}
	}
	return true
}

// Words trimmed off a name: what only places the subject (全区, 其中,
// 2023年) at its start, and at its end the verbs that only link it to its
// number (达到, 完成, 共有). Verbs that are part of what is counted
// (新增就业, 累计增加学位) are at the start and stay.
var (
	namePrefixes = []string{
		"其中", "同时", "另外", "此外", "并且", "以及", "并", "且", "和", "及", "与", "而",
		"全国", "全省", "全市", "全区", "全县", "全镇", "辖区内", "辖区", "我国", "我省", "我市", "我区", "我县",
		"本市", "本区", "本县", "该区", "截至", "截止", "全年", "年内", "当年", "今年", "去年",
		"每年", "上半年", "下半年", "前三季度", "一季度", "二季度", "三季度", "四季度", "第一季度", "第二季度", "第三季度", "第四季度",
		"全力办好", "扎实办好", "认真办好", "办好", "年末", "年底", "镇域内", "区域内", "到", "至", "共",
		"力争", "计划", "预计", "争取", "确保", "预期", "扣除价格因素", "实现", "完成",
		"规划目标为", "规划目标是", "目标为", "目标是",
	}
	nameSuffixes = []string{
		"分别", "达到了", "达到", "已达", "累计达", "达", "实现", "完成", "共有", "共计", "合计", "有", "为", "是",
		"超过", "突破", "增加到", "增至", "提高到", "提升到", "上升到", "下降到", "降至", "降到", "减少到",
		"控制在", "保持在", "稳定在", "维持在", "发展到", "扩大到", "增加至", "提高至", "仅为", "保持", "力争",
		"计划", "约", "近", "超", "逾", "仅", "只有", "累计", "首次", "再次", "的",
	}
	// changeVerbs end the name of a change (第一产业增加值增长 4.5%).
	changeVerbs = []string{"增长", "下降", "降低", "提高", "提升", "上升", "回落", "减少", "增加", "扩大", "缩小"}
	// comparisons before a change verb only say against what (同比增长).
	comparisons = []string{"同比", "比上年", "较上年", "比去年", "较去年", "环比"}
	// lowerWords in a name or its clause mean lower is better. 强度 alone
	// is not one: 研发经费投入强度 should rise, 能耗强度 falls by 能耗.
	lowerWords = []string{"失业率", "能耗", "排放", "用水量", "PM2.5", "PM10", "死亡率", "发生率", "事故", "控制在", "不超过", "以内"}
	// targetWords announce that what follows is a target.
	targetWords = []string{"预期目标", "主要目标", "目标是", "目标为", "目标：", "力争", "计划", "预计", "争取", "确保"}
)

// cleanName trims a clause's words before a number down to the name a
// reviewer writes in a table.
func cleanName(s string) string {
	for {
		before := s
		s = strings.Trim(s, " \t　、，,：:“”‘’\"'（）()")
		s = trimYear(s)
		s = trimSince(s)
		s = trimEnumerator(s)
		s = trimAny(s, namePrefixes, strings.TrimPrefix, strings.HasPrefix)
		s = trimAny(s, nameSuffixes, strings.TrimSuffix, strings.HasSuffix)
		s = trimRun(s)
		if s == before {
			return s
		}
	}
}

// trimEnumerator removes an item's number a list put before it (②, (2),
// （二）, 2）): a Word list's automatic numbering lands in the text.
func trimEnumerator(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r >= '①' && r <= '⑳' {
		return s[size:]
	}
	rest := strings.TrimLeft(s, "(（")
	for _, closing := range []string{")", "）"} {
		// The opening bracket may be gone already: cleanName trims brackets.
		if i := strings.Index(rest, closing); i > 0 && i <= 6 && strings.Trim(rest[:i], "0123456789一二三四五六七八九十") == "" {
			return rest[i+len(closing):]
		}
	}
	return s
}

// trimSince removes a leading span of time up to now (两年来, 两年多来,
// 近年来, 3年来): it says since when, not what is measured.
func trimSince(s string) string {
	for _, w := range []string{"年多来", "年以来", "年来"} {
		if i := strings.Index(s, w); i > 0 && utf8.RuneCountInString(s[:i]) <= 2 {
			return s[i+len(w):]
		}
	}
	return s
}

// trimRun removes a run of years the name ends with (粮食总产量连续两年,
// 连续5年): it says for how long, not what is measured.
func trimRun(s string) string {
	i := strings.LastIndex(s, "连续")
	if i < 0 || !strings.HasSuffix(s, "年") {
		return s
	}
	if n := utf8.RuneCountInString(s[i+len("连续"):]); n < 2 || n > 3 {
		return s
	}
	return s[:i]
}

// trailingYear splits a name that ends in the year its value is given for
// (城镇调查失业率2022年为4.8%) into the name and the year.
func trailingYear(s string) (name, year string) {
	for _, w := range []string{"年底", "年末", "年"} {
		rest, ok := strings.CutSuffix(s, w)
		if !ok || len(rest) < 4 || strings.Trim(rest[len(rest)-4:], "0123456789") != "" {
			continue
		}
		if len(rest) > 4 && isDigit(rest[len(rest)-5]) {
			return s, ""
		}
		return strings.TrimSpace(rest[:len(rest)-4]), rest[len(rest)-4:]
	}
	return s, ""
}

// trimYear removes a leading year or date (2023年, 2023年底, 截至2023年末)
// or span of years (2021—2022年, 2021-2022年).
func trimYear(s string) string {
	if len(s) > 4 && strings.Trim(s[:4], "0123456789") == "" {
		for _, dash := range []string{"—", "-", "－", "–", "~", "～", "至"} {
			if rest, ok := strings.CutPrefix(s[4:], dash); ok && len(rest) > 4 && strings.Trim(rest[:4], "0123456789") == "" {
				s = rest
				break
			}
		}
	}
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i != 4 || !strings.HasPrefix(s[i:], "年") {
		return s
	}
	s = s[i+len("年"):]
	for _, w := range []string{"年底", "年末", "底", "末", "度", "全年", "上半年", "前三季度"} {
		if strings.HasPrefix(s, w) {
			return s[len(w):]
		}
	}
	return s
}

// splitChange splits a name ending in a change verb (规上工业增加值同比增长)
// into its subject and the verb as the name keeps it (增长, 年均增长),
// dropping the comparison (同比).
func splitChange(s string) (subject, verb string) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "了")
	v, ok := suffixOf(s, changeVerbs)
	if !ok {
		return s, ""
	}
	subject = strings.TrimSuffix(s, v)
	for _, m := range []string{"年均", "实际", "名义", "累计"} {
		if strings.HasSuffix(subject, m) {
			subject, v = strings.TrimSuffix(subject, m), m+v
			break
		}
	}
	subject = trimAny(subject, comparisons, strings.TrimSuffix, strings.HasSuffix)
	if i := strings.LastIndex(subject, "比"); i >= 0 && strings.Contains(subject[i:], "年") {
		subject = subject[:i] // 比2020年
	}
	return cleanName(subject), v
}

// proposalNames builds the names for a quantity from the words before and
// after it in its clause. Subjects listed with 、 before a shared number
// (办结率、满意率达到100%) give one name each.
func proposalNames(before, after string, rate bool) []string {
	switch {
	case before == "" && after == "":
		return nil
	case after == "" && strings.Contains(before, "、") && rate:
		// A rate shared by a list is each one's (办结率、满意率达到100%);
		// a count shared by a list is one (新建改扩建中小学、幼儿园14所).
		return strings.Split(before, "、")
	case after == "":
		return []string{before}
	case before == "":
		return []string{after}
	case strings.Contains(before, "、"):
		// A list of names before the count: keep its verb with the noun after it.
		for _, v := range []string{"新增", "累计", "完成", "建成", "实施", "发放", "引进", "培育"} {
			if strings.HasPrefix(before, v) {
				return []string{v + after}
			}
		}
		return []string{after}
	}
	return []string{before + after}
}

// listVerbs open a list of things made or added, and are shared by the
// items that give none (新建院士工作站、博士后科研工作站).
var listVerbs = []string{"新建改扩建", "新建改造", "新建", "新增", "建成", "改造", "累计", "新培育", "培育", "新引进", "引进", "新开工", "开工"}

// headNouns are the nouns a list of items often shares at its end
// (存款、贷款余额; 风电、太阳能发电装机容量).
var headNouns = []string{"装机容量", "余额", "发电量", "增加值", "总产值", "营业收入"}

// shareParts completes the items of a list that share a head or a tail:
// 存款、贷款余额 → 存款余额, 贷款余额; 城镇、农村居民人均可支配收入 →
// 城镇居民人均可支配收入, …; 金融机构本外币存款、贷款余额 →
// 金融机构本外币存款余额, 金融机构本外币贷款余额; 生产安全事故起数、死亡人数
// → 生产安全事故起数, 生产安全事故死亡人数. Items of one length are whole
// already (办结率、满意率).
func shareParts(items []string) []string {
	if len(items) < 2 || sameLengths(items) || sameEnding(items) {
		return items
	}
	first, last := []rune(items[0]), []rune(items[len(items)-1])
	if len(first) == 0 || len(last) == 0 {
		return items
	}
	head, _ := suffixOf(string(last), headNouns)
	var lead, tail string
	classifier := strings.LastIndex(string(last[:len(last)-1]), string(first[len(first)-1]))
	aligned := "" // what follows, in the last item, a part as long as the first
	if len(last) > len(first) {
		aligned = string(last[len(first):])
	}
	switch {
	case head != "" && len(last)-utf8.RuneCountInString(head) == len(first):
		tail = head // 第一产业、第二产业、第三产业增加值
	case aligned != "" && first[0] == last[0]:
		tail = aligned // 第二、第三产业增加值: items that open alike align
	case len(first) > 3 && head != "" && strings.HasSuffix(aligned, head) && len(aligned) > len(head):
		tail = aligned // 电子信息、装备制造产业增加值 → 电子信息产业增加值
	case len(first) <= 3 && classifier > 0:
		// The first item's last word recurs in the last: what follows it
		// is shared (汽车类、石油及制品类零售额 → 汽车类零售额).
		tail = string(last)[classifier+len(string(first[len(first)-1])):]
	case len(first) <= 3 && head != "" && len(last)-utf8.RuneCountInString(head) != len(first):
		tail = head
	case len(first) <= 3 && len(first) < len(last):
		tail = string(last[len(first):])
	case len(first) > 3 && head != "" && len(last) <= 4:
		tail = head
		lead = string(first[:max(0, len(first)-(len(last)-utf8.RuneCountInString(head)))])
	case len(first) > 3 && len(last) <= 4:
		lead = string(first[:len(first)-2])
	default:
		// Long items are whole but for the verb the first one opens
		// with (新建院士工作站、博士后科研工作站).
		lead, _ = prefixOf(string(first), listVerbs)
	}
	out := make([]string, len(items))
	for i, it := range items {
		if !strings.HasPrefix(it, lead) {
			it = lead + it
		}
		if !strings.HasSuffix(it, tail) {
			it += tail
		}
		out[i] = it
	}
	return out
}

// sameEnding reports whether every item ends in the same two characters,
// so each is whole (一般公共预算收入、税收收入、非税收入).
func sameEnding(items []string) bool {
	end := func(s string) string { r := []rune(s); return string(r[max(0, len(r)-2):]) }
	e := end(items[0])
	for _, it := range items[1:] {
		if utf8.RuneCountInString(it) < 2 || end(it) != e {
			return false
		}
	}
	return utf8.RuneCountInString(items[0]) >= 2
}

func sameLengths(items []string) bool {
	n := utf8.RuneCountInString(items[0])
	for _, it := range items[1:] {
		if utf8.RuneCountInString(it) != n {
			return false
		}
	}
	return true
}

// isRate reports whether a unit is a share or a change in points.
func isRate(unit string) bool { return unit == "%" || unit == "个百分点" }

// isDecline reports whether a change verb says the value went down.
func isDecline(verb string) bool {
	return strings.Contains(verb, "下降") || strings.Contains(verb, "降低") || strings.Contains(verb, "减少") ||
		strings.Contains(verb, "回落") || strings.Contains(verb, "缩小")
}

// lowerIsBetter reports whether the name or its clause says a lower value
// is the better one.
func lowerIsBetter(name, clause string) bool {
	_, verb := splitChange(name)
	if isDecline(verb) {
		return true
	}
	for _, w := range lowerWords {
		if strings.Contains(name, w) || strings.Contains(clause, w) {
			return true
		}
	}
	return false
}

// announcesTargets reports whether text says that targets follow.
func announcesTargets(text string) bool {
	for _, w := range targetWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// targetYear is the last year written in text before a value (到2025年),
// and whether it is a future one that makes the value a target: the plan
// period's end, 2025, or later.
func targetYear(text string) (string, bool) {
	year, future := lastYear(text)
	if !future || !strings.ContainsAny(text, "到至") {
		return year, false
	}
	return year, true
}

// lastYear is the last four-digit year followed by 年 in text, and
// whether it is 2025 or later.
func lastYear(text string) (string, bool) {
	for i := len(text) - len("年"); i >= 4; i-- {
		if strings.HasPrefix(text[i:], "年") && isDigit(text[i-1]) && isDigit(text[i-4]) && (i == 4 || !isDigit(text[i-5])) {
			y := text[i-4 : i]
			if strings.Trim(y, "0123456789") == "" {
				return y, y >= "2025"
			}
		}
	}
	return "", false
}

// isDifference reports whether a comparison gives a difference rather than
// a rate of the value itself: points (提高3.2个百分点), against a year or a
// level (较2020年净增, 高于全市平均水平).
func isDifference(clause string) bool {
	if strings.Contains(clause, "个百分点") || strings.Contains(clause, "高于") || strings.Contains(clause, "低于") ||
		strings.Contains(clause, "年初") || strings.Contains(clause, "净增") {
		return true
	}
	c := strings.TrimLeft(strings.TrimSpace(clause), "，, ")
	c = strings.TrimPrefix(strings.TrimPrefix(c, "比"), "较")
	y, _ := lastYear(c[:min(len(c), 8)])
	return y != ""
}

// openingYear is the year a sentence opens with (2023年，全市…).
func openingYear(sentence string) (string, bool) {
	s := strings.TrimLeft(sentence, "，, ")
	for _, w := range []string{"截至", "截止", "到"} {
		s = strings.TrimPrefix(s, w)
	}
	if len(s) >= 7 && strings.Trim(s[:4], "0123456789") == "" && strings.HasPrefix(s[4:], "年") {
		return s[:4], true
	}
	return "", false
}

// isComparison reports whether a clause only compares the value before it
// with another year (比2020年提高3.2个百分点, 较上年增长5%).
func isComparison(clause string) bool {
	c := strings.TrimSpace(strings.TrimLeft(clause, "，, "))
	c = trimAny(c, []string{"增速", "增幅", "降幅"}, strings.TrimPrefix, strings.HasPrefix) // 增速高于全市平均水平0.4个百分点
	return strings.HasPrefix(c, "比") || strings.HasPrefix(c, "较") || strings.HasPrefix(c, "同比") ||
		strings.HasPrefix(c, "高于") || strings.HasPrefix(c, "低于")
}

// trimAny removes, once, the first of words that has applies to s.
func trimAny(s string, words []string, trim func(string, string) string, has func(string, string) bool) string {
	for _, w := range words {
		if has(s, w) {
			return trim(s, w)
		}
	}
	return s
}
