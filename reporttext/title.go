package reporttext

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// The title block. A report's title is the lines at its top that read as a
// title: up to maxTitleLines consecutive lines, MaxTitleRunes characters in
// all, joined. The first line is the title's unless it is a date, source or
// salutation line or a sentence; each line after it is short (at most
// maxTitleLineRunes, and not a full line of a hard-wrapped text) and holds
// no punctuation of a sentence or clause (。！？；，). The title stops at
// the first line that is not such a line: a date (2023年1月, 二〇二三年一月十日,
// 区发改局 2023年3月), a source, date or author line (来源：…, 发布时间：…,
// 作者：…, a document number 阳政〔2023〕5号), a salutation (a line ending
// in ：, 主任、各位副主任、各位委员：), an author (a line ending in 局,
// 委员会, 课题组 …, or in an office and a name, 局长 张某某), or prose; a
// subtitle line (——在…会议上) is its last line. So the shipped report's three short lines
// 汉阳区国民经济和社会发展 / 第十四个五年规划纲要实施 / 中期评估报告 are its
// title, and "为全面评估纲要实施情况，……" after them is not.
//
// A first line longer than MaxTitleRunes that is no sentence is cut there.
// Whatever the title does not take, up to the first heading, is the text of
// the section 前言 (PrefaceTitle).
const (
	maxTitleLines     = 4
	maxTitleLineRunes = 40
)

var (
	// A whole line that is a date, in brackets or not.
	dateLine = regexp.MustCompile(`^[（(〔\[]?\s*(?:\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|` +
		`[〇零○Ｏ一二三四五六七八九]{4}年(?:[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)?|` +
		`\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?)\s*[）)〕\]]?$`)
	// A short line ending in a year and month: who wrote the report, and when.
	signedDate = regexp.MustCompile(`(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|` +
		`[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)\s*[）)〕\]]?$`)
	metaLine = regexp.MustCompile(`^(?:信息来源|来源|发布时间|发布日期|发文日期|成文日期|发布机构|发文机关|作者|撰稿|` +
		`索引号|文号|责任编辑|编辑|日期|时间)\s*[：:\s]|[〔\[［][0-9]{4}[〕\]］]\s*[0-9]+\s*号$`)
	authorLine = regexp.MustCompile(`(?:局|委|委员会|政府|办公室|中心|研究院|研究所|课题组|评估组|小组)$|` +
		`(?:局长|主任|书记|区长|县长|市长|省长|院长|组长|部长|厅长|秘书长)\s*\p{Han}{2,4}$`)

	digitDate   = regexp.MustCompile(`(\d{4})\s*(?:年\s*|[-./])(\d{1,2})\s*月?`)
	chineseDate = regexp.MustCompile(`([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月`)
	regionIn    = regexp.MustCompile(`^(\p{Han}{1,8}?(?:自治区|自治州|省|市|区|县|旗))`)
	planIn      = regexp.MustCompile(`第([一二三四五六七八九十]+)个五年|([一二三四五六七八九十]+)五[”"」』]?规划`)
)

// stopsTitle reports whether a line before the first heading is a date,
// source or salutation line, which is a paragraph of its own.
func stopsTitle(text string) bool {
	if r := lastRune(text); r == '：' || r == ':' {
		return true
	}
	if dateLine.MatchString(text) || metaLine.MatchString(text) {
		return true
	}
	return utf8.RuneCountInString(text) <= 30 && !strings.ContainsAny(text, "。，,") && signedDate.MatchString(text)
}

// isAuthor reports whether a short line names who wrote the report: an
// office (区发展和改革局) or an official (局长 张某某). It is never a title's
// first line (汉阳区人民政府 / 关于…的报告 is a title).
func isAuthor(text string) bool {
	return utf8.RuneCountInString(text) <= 30 && !isProse(text) && authorLine.MatchString(text)
}

// isProse reports whether a line reads as part of a sentence rather than a
// title: a sentence ends in it, or it stops on a clause's punctuation, or
// it is longer than a title and has a comma.
func isProse(text string) bool {
	if strings.ContainsAny(text, "。！？!?；;") || strings.ContainsRune("，,、．", lastRune(text)) {
		return true
	}
	return utf8.RuneCountInString(text) > MaxTitleRunes && strings.ContainsAny(text, "，,")
}

// splitTitle takes the title's lines from the lines before the first
// heading (see the comment above maxTitleLines) and returns the title and
// the rest, the date, source and salutation lines marked alone.
func splitTitle(lines []line, wrap wrapWidth) (title string, rest []line) {
	var taken []string
	runes := 0
	for i, l := range lines {
		if stopsTitle(l.text) || isProse(l.text) {
			break
		}
		n := utf8.RuneCountInString(l.text)
		if i == 0 && n > MaxTitleRunes {
			cut := runeOffset(l.text, MaxTitleRunes)
			taken = []string{strings.TrimRightFunc(l.text[:cut], isSpace)}
			rest = append(rest, line{text: strings.TrimLeftFunc(l.text[cut:], isSpace), cols: l.cols})
			break
		}
		if i > 0 && (i >= maxTitleLines || n > maxTitleLineRunes || runes+n+1 > MaxTitleRunes ||
			strings.ContainsAny(l.text, "，,") || wrap.isAboutFull(l.cols) || isAuthor(l.text)) {
			break
		}
		taken = append(taken, l.text)
		runes += n + 1 // joinLines may put a space between two lines
		if strings.HasPrefix(l.text, "—") {
			break // a subtitle (——在…会议上) ends the title
		}
	}
	// A first line cut short has its rest in rest already.
	for _, l := range lines[len(taken):] {
		l.alone = stopsTitle(l.text) || isAuthor(l.text)
		rest = append(rest, l)
	}
	return joinLines(taken), rest
}

// titleFacts reads what a report's title says about itself, and the date
// its first date or source line before the first heading gives when the
// title has none.
func titleFacts(title string, rest []line) (region, pl, date string) {
	if m := regionIn.FindStringSubmatch(title); m != nil {
		region = m[1]
	}
	if m := planIn.FindStringSubmatch(title); m != nil {
		pl = m[1] + m[2] + "五"
	}
	date = dateOf(title, false)
	for _, l := range rest {
		if date != "" {
			break
		}
		if l.alone {
			date = dateOf(l.text, true)
		}
	}
	return region, pl, date
}

// dateOf is the first year and month s writes (2023年1月, 二〇二三年一月, and
// in a date line also 2023-01-15), as "2023年1月", or "".
func dateOf(s string, dashes bool) string {
	if m := digitDate.FindStringSubmatch(s); m != nil && (dashes || strings.Contains(m[0], "年")) &&
		(strings.Contains(m[0], "年") == strings.Contains(m[0], "月")) {
		return fmt.Sprintf("%s年%d月", m[1], arabicNumber(m[2]))
	}
	if m := chineseDate.FindStringSubmatch(s); m != nil {
		year := strings.Map(func(r rune) rune {
			if r == '〇' || r == '零' || r == '○' || r == 'Ｏ' {
				return '0'
			}
			return '0' + rune(chineseNumber(string(r)))
		}, m[1])
		if month := chineseNumber(m[2]); month >= 1 && month <= 12 {
			return fmt.Sprintf("%s年%d月", year, month)
		}
	}
	return ""
}
