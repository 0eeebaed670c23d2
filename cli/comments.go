package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/store"
)

// RunComments is `plandesk comments [--db PATH] [--report ID] [--state S]`:
// it lists a report's comments, one thread a block: the comment's id,
// state, kind, section, what it is on, reviewer, time and text, its replies
// indented under it. S is a state's code (open, accepted, rejected,
// resolved) or its label (待处理, 已采纳, 未采纳, 已解决). It returns the
// process exit code: 2 for a usage error.
func RunComments(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk comments", "plandesk comments [--db PATH] [--report ID] [--state open|accepted|rejected|resolved]", stderr)
	reportID := r.flags.Int64("report", 0, "the report whose comments to list (default: the only one)")
	stateArg := r.flags.String("state", "", "list only the threads in this state")
	if rest, ok := r.parseWithFile(args); !ok || rest != "" {
		return r.fail(2, tr("comments takes no argument but its flags."))
	}
	state, ok := commentState(*stateArg)
	if !ok {
		return r.fail(2, tr("unknown state %q.", *stateArg))
	}
	st, rep, code := r.reportForReading(*reportID)
	if st == nil {
		return code
	}
	defer st.Close()
	if err := printComments(st, rep, state, stdout); err != nil {
		return r.fail(1, messages.Explain(err))
	}
	return 0
}

// commentState reads --state as a code or a label; "" is every state.
func commentState(arg string) (string, bool) {
	if arg == "" {
		return "", true
	}
	for _, c := range messages.CommentStateChoices() {
		if arg == c.Value || arg == c.Label {
			return c.Value, true
		}
	}
	return "", false
}

func printComments(st *store.Store, rep plan.Report, state string, stdout io.Writer) error {
	list, err := st.Comments(rep.ID)
	if err != nil {
		return err
	}
	sections, err := st.Sections(rep.ID)
	if err != nil {
		return err
	}
	headings := make(map[int64]string, len(sections))
	for _, s := range sections {
		headings[s.ID] = messages.Heading(s.Heading())
	}
	paragraphs, err := st.ReportParagraphs(rep.ID)
	if err != nil {
		return err
	}
	shown := 0
	for _, th := range plan.Threads(list) {
		if state != "" && th.State != state {
			continue
		}
		shown++
		found := th.Locate(paragraphs[th.SectionID]).Found() || th.Anchor != plan.AnchorParagraph && th.Anchor != plan.AnchorSpan
		fmt.Fprintf(stdout, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", th.ID, messages.CommentStateLabel(th.State), messages.CommentKindLabel(th.Kind),
			headings[th.SectionID], messages.AnchorText(th.Comment, found), th.Reviewer, th.CreatedAt.Local().Format("2006-01-02 15:04"), oneLine(th.Text))
		if th.Kind == plan.KindChange && th.Replacement != "" {
			fmt.Fprintf(stdout, "\t→ %s\n", oneLine(th.Replacement))
		}
		for _, reply := range th.Replies {
			fmt.Fprintf(stdout, "\t%d\t%s\t%s\t%s\n", reply.ID, reply.Reviewer, reply.CreatedAt.Local().Format("2006-01-02 15:04"), oneLine(reply.Text))
		}
	}
	fmt.Fprintln(stdout, tr("%d comments.", shown))
	return nil
}

// oneLine keeps a comment on its line: its line breaks become spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\t", " ")), " ")
}

// RunComment is `plandesk comment add (--section TEXT | --indicator ID)
// [--kind K] [--reviewer NAME] [--db PATH] [--report ID] COMMENT`: it adds a
// comment on the one section whose numbering and title hold TEXT (refused,
// listing them, when several do) or on an indicator, in one transaction
// with its revision, and says so once it is on the disk. The reviewer is
// --reviewer, else PLANDESK_REVIEWER, else 命令行.
func RunComment(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk comment add", "plandesk comment add (--section TEXT | --indicator ID) [--kind remark|question|change] [--reviewer NAME] [--db PATH] [--report ID] COMMENT", stderr)
	if len(args) == 0 || args[0] != "add" {
		return r.fail(2, tr("the only comment command is add."))
	}
	section := r.flags.String("section", "", "comment on the section whose numbering and title contain this text")
	indicatorID := r.flags.Int64("indicator", 0, "comment on the indicator with this id")
	kind := r.flags.String("kind", plan.KindRemark, "remark (意见), question (问题) or change (建议修改)")
	name := r.flags.String("reviewer", "", "the reviewer's name (default: PLANDESK_REVIEWER, else 命令行)")
	reportID := r.flags.Int64("report", 0, "the report of the section (default: the only one)")
	text, ok := r.parseWithFile(args[1:])
	switch {
	case !ok:
		return 2
	case strings.TrimSpace(text) == "":
		return r.fail(2, tr("give the comment's text."))
	case (*section == "") == (*indicatorID == 0):
		return r.fail(2, tr("name either a section (--section) or an indicator (--indicator)."))
	}
	st, err := r.openExisting()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close()
	c := plan.Comment{Anchor: plan.AnchorIndicator, IndicatorID: *indicatorID, Kind: *kind, Text: text}
	if *section != "" {
		sec, code, err := sectionNamed(st, *reportID, *section)
		if err != nil {
			return r.fail(code, err.Error())
		}
		c = plan.Comment{Anchor: plan.AnchorSection, ReportID: sec.ReportID, SectionID: sec.ID, Kind: *kind, Text: text}
	}
	who := strings.TrimSpace(*name)
	if who == "" {
		who = reviewer()
	}
	added, _, err := st.AddComment(c, who)
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	fmt.Fprintln(stdout, tr("Saved: comment %d on %s by %s.", added.ID, messages.AnchorText(added, true), who))
	return 0
}

// sectionNamed is the one section of the report whose heading holds
// text, with the exit code of a failure: 1 when none does, 2 when several
// do (the user must say which).
func sectionNamed(st *store.Store, reportID int64, text string) (plan.Section, int, error) {
	rep, code, err := pickReport(st, reportID)
	if err != nil {
		return plan.Section{}, max(code, 1), err
	}
	sections, err := st.Sections(rep.ID)
	if err != nil {
		return plan.Section{}, 1, err
	}
	var found []plan.Section
	for _, s := range sections {
		if strings.Contains(s.Heading(), text) {
			found = append(found, s)
		}
	}
	switch len(found) {
	case 0:
		return plan.Section{}, 1, errors.New(tr("no section of “%s” has %q in its numbering or title.", rep.Title, text))
	case 1:
		return found[0], 0, nil
	}
	names := make([]string, len(found))
	for i, s := range found {
		names[i] = s.Heading()
	}
	return plan.Section{}, 2, errors.New(tr("%d sections have %q in their heading: %s. Give more of the heading.", len(found), text, strings.Join(names, tr("; "))))
}
