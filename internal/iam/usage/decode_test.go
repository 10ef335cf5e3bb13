package usage

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDecode(t *testing.T) {
	lookup := func(names ...string) string {
		var items []string
		for _, n := range names {
			items = append(items, `{"EventId":"1","EventName":"x","CloudTrailEvent":`+quote(rec(n))+`}`)
		}
		return `{"Events":[` + strings.Join(items, ",") + `],"NextToken":"abc"}`
	}
	tests := []struct {
		name    string
		in      string
		want    []string
		bad     int
		wantErr string
	}{
		{name: "records", in: `{"Records":[` + rec("A") + "," + rec("B") + `]}`, want: []string{"A", "B"}},
		{name: "records gzip", in: string(gz(t, `{"Records":[`+rec("A")+`]}`)), want: []string{"A"}},
		{name: "records null", in: `{"Records":null}`, wantErr: "record list is <nil>, not an array"},
		{name: "records not a list", in: `{"Records":{}}`, wantErr: "record list is {, not an array"},
		{name: "other keys", in: `{"Records":[` + rec("A") + `],"x":{"y":[1,2]}}`, want: []string{"A"}},
		{name: "lookup-events", in: lookup("A", "B"), want: []string{"A", "B"}},
		{name: "lookup-events next token first", in: `{"NextToken":"t","Events":[{"CloudTrailEvent":` + quote(rec("A")) + `}]}`, want: []string{"A"}},
		{name: "lookup-events bad embedded record", in: `{"Events":[{"CloudTrailEvent":"{bad"},{"CloudTrailEvent":` + quote(rec("B")) + `}]}`, want: []string{"B"}, bad: 1},
		{name: "json lines", in: rec("A") + "\n" + rec("B") + "\n", want: []string{"A", "B"}},
		{name: "single record", in: rec("A"), want: []string{"A"}},
		{name: "array", in: "[" + rec("A") + "," + rec("B") + "]", want: []string{"A", "B"}},
		{name: "byte-order mark", in: "\xef\xbb\xbf" + `{"Records":[` + rec("A") + `]}`, want: []string{"A"}},
		{name: "empty", in: ""},
		{name: "whitespace", in: " \n\t "},
		{name: "empty records", in: `{"Records":[]}`},
		{name: "not a record in the list", in: `{"Records":[{"x":1},` + rec("B") + `]}`, want: []string{"B"}, bad: 1},
		{name: "wrong type in a record", in: `{"Records":[{"eventSource":"s3.amazonaws.com","eventName":"A","resources":"x"},` + rec("B") + `]}`, want: []string{"B"}, bad: 1},
		{name: "not a log", in: `{"version":1}`, wantErr: "not a CloudTrail log"},
		{name: "not json", in: `hello`, wantErr: `not JSON: starts with 'h'`},
		{name: "trailing data", in: `{"Records":[]} {}`, wantErr: "data after the record list"},
		{name: "trailing garbage after array", in: "[" + rec("A") + "] x", want: []string{"A"}, wantErr: "invalid character 'x'"},
		{name: "truncated", in: `{"Records":[` + rec("A") + `,{"eventSo`, want: []string{"A"}, wantErr: "unexpected EOF"},
		{name: "gzip header only", in: "\x1f\x8b", wantErr: "read gzip header"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			res, err := Decode(strings.NewReader(tt.in), 0, func(e *Event) error {
				got = append(got, e.Name)
				return nil
			})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if res.Records != len(tt.want) || res.Bad != tt.bad {
				t.Errorf("result = %+v, want %d records, %d bad", res, len(tt.want), tt.bad)
			}
			if (res.FirstBad != nil) != (tt.bad > 0) {
				t.Errorf("FirstBad = %v with %d bad", res.FirstBad, tt.bad)
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("err = %v, want nil", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("err = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestDecodeStopsOnFnError(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	_, err := Decode(strings.NewReader(`{"Records":[`+rec("A")+","+rec("B")+`]}`), 0, func(*Event) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("err = %v after %d records, want stop after 1", err, n)
	}
}

func TestDecodeSizeCap(t *testing.T) {
	in := `{"Records":[` + rec("A") + "," + strings.Repeat(" ", 1000) + rec("B") + `]}`
	tests := []struct {
		max     int64
		records int
		wantErr bool
	}{
		{max: int64(len(in)), records: 2},
		{max: int64(len(in)) - 1, records: 2, wantErr: true}, // only the closing brace is cut
		{max: int64(len(in)) - 3, records: 1, wantErr: true}, // B's closing brace is cut
		{max: 10, records: 0, wantErr: true},
	}
	for _, tt := range tests {
		res, err := Decode(strings.NewReader(string(gz(t, in))), tt.max, func(*Event) error { return nil })
		se, isSize := errors.AsType[*SizeError](err)
		if res.Records != tt.records || isSize != tt.wantErr || isSize && se.Max != tt.max {
			t.Errorf("max %d: %d records, err %v; want %d records, size error %v", tt.max, res.Records, err, tt.records, tt.wantErr)
		}
		if res.Bytes > tt.max {
			t.Errorf("max %d: read %d bytes", tt.max, res.Bytes)
		}
	}
}

func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`)
	return `"` + r.Replace(s) + `"`
}
