package cli

import (
	"fmt"
	"io"

	"plandesk/app"
)

// RunPresent is `plandesk present [--db PATH] [--slide N]`: the window,
// straight into the presentation of the last report shown. It returns the
// process exit code.
func RunPresent(args []string, version string, stderr io.Writer) int {
	r := newRunner("plandesk present", "plandesk present [--db PATH] [--slide N]", stderr)
	slide := r.flags.Int("slide", 1, "the slide to start on (1 is the overview)")
	if err := r.flags.Parse(args); err != nil || r.flags.NArg() > 0 || *slide < 1 {
		fmt.Fprintln(stderr, "usage: "+r.usage)
		return 2
	}
	if err := app.Run(app.Options{DBPath: *r.db, Present: true, Slide: *slide, Version: version}); err != nil {
		fmt.Fprintln(stderr, "plandesk:", err)
		return 1
	}
	return 0
}
