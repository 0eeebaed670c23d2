// Command funclen lists the functions of the given Go files whose bodies
// run over a number of lines; scripts/test.sh fails when it lists any.
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
)

func main() {
	limit, _ := strconv.Atoi(os.Args[1])
	fset := token.NewFileSet()
	for _, fn := range os.Args[2:] {
		f, err := parser.ParseFile(fset, fn, nil, 0)
		if err != nil {
			panic(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			n := fset.Position(fd.Body.Rbrace).Line - fset.Position(fd.Body.Lbrace).Line - 1
			if n > limit {
				fmt.Printf("%s:%d: %s %d lines\n", fn, fset.Position(fd.Pos()).Line, fd.Name.Name, n)
			}
		}
	}
}
