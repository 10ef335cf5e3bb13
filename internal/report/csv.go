package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/vigil-sec/vigil/internal/check"
)

var csvHeader = []string{
	"check_id", "severity", "status", "suppressed", "title",
	"resource_id", "resource_type", "file", "start_line", "end_line",
	"module_path", "message", "fingerprint",
}

type csvRenderer struct{ opts Options }

func (cr csvRenderer) Render(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	cw := csv.NewWriter(bw)
	if err := cw.Write(csvHeader); err != nil {
		return fmt.Errorf("render csv: %w", err)
	}
	row := make([]string, len(csvHeader))
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Status == check.Pass && !cr.opts.ShowPassed {
			continue
		}
		rg := f.Origin.Range
		row[0] = safeCell(f.Check.ID)
		row[1] = f.Check.Severity.String()
		row[2] = f.Status.String()
		row[3] = strconv.FormatBool(f.Suppressed())
		row[4] = safeCell(f.Check.Title)
		row[5] = safeCell(f.Resource.ID)
		row[6] = safeCell(f.Resource.Type)
		row[7] = safeCell(rg.File)
		row[8] = lineCell(rg.StartLine)
		row[9] = lineCell(max(rg.EndLine, rg.StartLine))
		row[10] = safeCell(f.Origin.ModulePath())
		row[11] = safeCell(f.Message)
		row[12] = f.Fingerprint()
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("render csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("render csv: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("render csv: %w", err)
	}
	return nil
}

// safeCell defuses CSV (formula) injection: spreadsheet programs evaluate a
// cell starting with = + - @ (or a tab or carriage return, which some strip
// first) as a formula, and messages quote names from scanned files. A
// leading single quote makes the cell text, as OWASP recommends.
func safeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// lineCell leaves unknown lines empty instead of writing 0, which is not a
// line.
func lineCell(n int) string {
	if n <= 0 {
		return ""
	}
	return strconv.Itoa(n)
}
