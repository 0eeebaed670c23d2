package cli

import (
	"flag"
	"fmt"
	"io"

	"plandesk/messages"
)

// RunLaptop is `plandesk laptop [--name NAME] [--db PATH]`: it shows this
// database's laptop identity — the name every review package it writes
// and every change it makes carries, and the uid that tells laptops apart
// whatever their names — or, with --name, sets the name (王处长的笔记本),
// as 设置 in the window does; an empty --name is refused, not read as
// asking. It returns the process exit code: 2 for a
// usage error.
func RunLaptop(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk laptop", "plandesk laptop [--name NAME] [--db PATH]", stderr)
	name := r.flags.String("name", "", "the laptop's new name, as review packages show it")
	if rest, ok := r.parseWithFile(args); !ok || rest != "" {
		return r.fail(2, tr("laptop takes no argument but its flags."))
	}
	named := false
	r.flags.Visit(func(f *flag.Flag) { named = named || f.Name == "name" })
	if !named {
		st, err := r.openForReading()
		if err != nil {
			return r.fail(1, err.Error())
		}
		defer st.Close()
		l, err := st.Laptop()
		if err != nil {
			return r.fail(1, messages.Explain(err))
		}
		fmt.Fprintln(stdout, tr("This laptop is named “%s” (uid %s).", messages.Shown(l.Name), l.UID))
		return 0
	}
	st, err := r.openExisting()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close()
	if err := st.SetLaptopName(*name); err != nil {
		return r.fail(1, messages.Explain(err))
	}
	l, err := st.Laptop()
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	fmt.Fprintln(stdout, tr("This laptop is now named “%s” (uid %s); the review packages it writes say so.", l.Name, l.UID))
	return 0
}
