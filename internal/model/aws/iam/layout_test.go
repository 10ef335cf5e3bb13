package iam

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
)

// at renders a span of d as "line:col-line:col" for compact expectations.
func at(d Document, p TextPos) string {
	r := d.Layout().Range(p, model.Range{})
	return fmt.Sprintf("%d:%d-%d:%d", r.StartLine, r.StartCol, r.EndLine, r.EndCol)
}

func parse(text string) Document {
	return ParseDocument(model.Set(text, model.Origin{Range: model.Range{File: "p.json"}}))
}

func TestLayoutPositions(t *testing.T) {
	text := `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:List*"],
      "Resource": "arn:aws:s3:::b/*",
      "Condition": {"StringEquals": {"aws:PrincipalOrgID": ["o-1", "o-2"]}, "Bool": {"aws:SecureTransport": true}}
    },
    {"Effect": "Deny", "Principal": {"AWS": ["arn:aws:iam::111122223333:root"], "Service": "ec2.amazonaws.com"}, "NotAction": "iam:*", "Resource": "*"}
  ]
}`
	d := parse(text)
	if d.Err != "" {
		t.Fatal(d.Err)
	}
	l := d.Layout()
	got := map[string]string{}
	v, _ := l.Element(ElemVersion)
	got["Version"] = at(d, v.Pos)
	got["Version value"] = at(d, v.Items[0])
	s0 := l.Statements[0]
	got["statement 0"] = at(d, s0.Pos)
	a, _ := s0.Element(ElemAction)
	got["Action[1]"] = at(d, a.Items[1])
	r, _ := s0.Element(ElemResource)
	got["Resource[0]"] = at(d, r.Items[0])
	// Conditions sort by operator: Bool comes first.
	got["Condition[0] operator"] = at(d, s0.Conditions[0].Operator)
	got["Condition[0] value"] = at(d, s0.Conditions[0].Values[0])
	got["Condition[1] key"] = at(d, s0.Conditions[1].Key)
	got["Condition[1] value 1"] = at(d, s0.Conditions[1].Values[1])
	s1 := l.Statements[1]
	p, _ := s1.Element(ElemPrincipal)
	svc, _ := p.Member(ElemService)
	got["Principal.Service[0]"] = at(d, svc.Items[0])
	aws, _ := p.Member(ElemAWS)
	got["Principal.AWS[0]"] = at(d, aws.Items[0])
	want := map[string]string{
		"Version":               "2:3-2:26",
		"Version value":         "2:14-2:26",
		"statement 0":           "4:5-10:6",
		"Action[1]":             "7:34-7:44",
		"Resource[0]":           "8:19-8:37",
		"Condition[0] operator": "9:77-9:83",
		"Condition[0] value":    "9:109-9:113",
		"Condition[1] key":      "9:38-9:58",
		"Condition[1] value 1":  "9:68-9:73",
		"Principal.Service[0]":  "11:92-11:111",
		"Principal.AWS[0]":      "11:46-11:78",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
	if len(l.Problems) != 0 {
		t.Errorf("problems in a clean document: %+v", l.Problems)
	}
}

func TestLayoutProblems(t *testing.T) {
	type problem struct {
		Kind ProblemKind
		Elem Element
		Text string
		At   string
	}
	for _, tc := range []struct {
		name string
		text string
		want []problem
	}{
		{
			name: "syntax error",
			text: "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [}\n",
			want: []problem{{Kind: ProblemSyntax, Text: "invalid character '}'", At: "3:17-3:17"}},
		},
		{
			name: "truncated",
			text: `{"Statement": [`,
			want: []problem{{Kind: ProblemSyntax, Text: "unexpected end of JSON input", At: "1:16-1:16"}},
		},
		{
			name: "text after the document",
			text: `{} {}`,
			want: []problem{{Kind: ProblemSyntax, Text: "invalid character '{' after the document", At: "1:4-1:4"}},
		},
		{
			name: "unknown, duplicate and case-mismatched elements",
			text: `{"Version":"2012-10-17","Foo":1,"Statement":{"effect":"Allow","Action":"s3:*","Action":["s3:Get*"],"Bar":2}}`,
			want: []problem{
				{Kind: ProblemUnknownElement, Text: "Foo", At: "1:25-1:30"},
				{Kind: ProblemElementCase, Elem: ElemEffect, Text: "effect", At: "1:46-1:54"},
				{Kind: ProblemDuplicate, Elem: ElemAction, Text: "Action", At: "1:79-1:87"},
				{Kind: ProblemUnknownElement, Text: "Bar", At: "1:100-1:105"},
			},
		},
		{
			name: "wrong types",
			text: `{"Version":1,"Statement":[{"Effect":"Allow","Action":[3],"Principal":["*"],"Condition":{"StringEquals":{"k":{"a":1}}}},"x"]}`,
			want: []problem{
				{Kind: ProblemType, Elem: ElemVersion, Text: "Version must be a string", At: "1:12-1:13"},
				{Kind: ProblemType, Elem: ElemAction, Text: "Action items must be strings", At: "1:55-1:56"},
				{Kind: ProblemType, Elem: ElemPrincipal, Text: `Principal must be "*" or an object of principal types`, At: "1:70-1:75"},
				{Kind: ProblemType, Elem: ElemCondition, Text: "values of condition key k must be strings, numbers or booleans", At: "1:109-1:116"},
				{Kind: ProblemType, Elem: ElemStatement, Text: "a statement must be a JSON object", At: "1:120-1:123"},
			},
		},
		{
			name: "unknown principal type and duplicate condition key",
			text: `{"Statement":[{"Principal":{"aws":"*"},"Condition":{"Bool":{"k":"true","k":"false"}}}]}`,
			want: []problem{
				{Kind: ProblemUnknownElement, Elem: ElemPrincipal, Text: "aws", At: "1:29-1:34"},
				{Kind: ProblemDuplicate, Elem: ElemCondition, Text: "k", At: "1:72-1:75"},
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := parse(tc.text)
			var got []problem
			for _, p := range d.Layout().Problems {
				got = append(got, problem{p.Kind, p.Elem, p.Text, at(d, p.Pos)})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLayoutFollowsParser checks the layout reads the text as the parser
// does where encoding/json is lenient: a list written twice concatenates
// an array and a string replaces it, the last duplicate operator wins.
func TestLayoutFollowsParser(t *testing.T) {
	d := parse(`{"Statement":{"Action":["a:B","a:C"],"action":["a:D"],"Resource":["x"],"Resource":"y",` +
		`"Condition":{"Bool":{"k":"true"},"Bool":{"j":"false","i":"true"}}}}`)
	if d.Err != "" {
		t.Fatal(d.Err)
	}
	st, sp := d.Statements[0], d.Layout().Statements[0]
	a, _ := sp.Element(ElemAction)
	r, _ := sp.Element(ElemResource)
	got := []int{len(st.Action), len(a.Items), len(st.Resource), len(r.Items), len(st.Condition), len(sp.Conditions)}
	if diff := cmp.Diff([]int{3, 3, 1, 1, 2, 2}, got); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	if k := text(d, sp.Conditions[0].Key); k != `"i"` {
		t.Errorf("first condition key at %s, want \"i\"", k)
	}
}

func text(d Document, p TextPos) string {
	s, _ := d.Raw.Get()
	return s[p.Start:p.End]
}

func TestLayoutRange(t *testing.T) {
	l := scanLayout("{\"a\":\n  1}")
	p := TextPos{Start: 2, End: 10}
	for _, tc := range []struct {
		at   model.Range
		want model.Range
	}{
		{model.Range{File: "p.json"}, model.Range{File: "p.json", StartLine: 1, StartCol: 3, EndLine: 2, EndCol: 5}},
		{model.Range{File: "main.tf", StartLine: 10, StartCol: 12}, model.Range{File: "main.tf", StartLine: 10, StartCol: 14, EndLine: 11, EndCol: 5}},
	} {
		if diff := cmp.Diff(tc.want, l.Range(p, tc.at)); diff != "" {
			t.Errorf("Range(%v) (-want +got):\n%s", tc.at, diff)
		}
	}
}

// FuzzLayout checks the layout against the parser on any text: it finds a
// syntax error exactly when encoding/json does, its spans lie in the text at
// the lines and columns they claim, and whenever the document parses it
// parallels the statements, their lists and their conditions.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":"*"}]}`,
		`{"Statement":{"Effect":"Deny","NotAction":"iam:*","NotResource":["a","b"],"Principal":"*"}}`,
		"{\"Statement\":[{\"Principal\":{\"AWS\":[\"1\",\"2\"],\"Service\":\"x\"},\"Condition\":{\"StringLike\":{\"a\\u00e9\":[\"x\",1,true]},\"Null\":{\"b\":\"true\"}}}]}",
		`{"Statement":[{"Action":"a","ACTION":["b"],"Condition":"${unknown}"},null]}`,
		"{\"Statement\":[{\"Sid\":\"é\n\",\"Condition\":{\"Bool\":\"${unknown}\",\"Bool\":{\"k\":null}}}]}",
		`[1, 2]`, `{"Statement": [`, "", `{"Version": null, "Id": 3}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// A text holding Unknown that does not parse gives an unknown
		// document without a layout, so the scanner is asked directly.
		l := scanLayout(s)
		syntax := len(l.Problems) > 0 && l.Problems[0].Kind == ProblemSyntax
		if syntax == json.Valid([]byte(s)) {
			t.Fatalf("syntax error found: %v, json.Valid: %v", syntax, json.Valid([]byte(s)))
		}
		checkSpans(t, s, l)
		d := parse(s)
		if !d.Known() {
			return
		}
		if len(l.Statements) != len(d.Statements) {
			t.Fatalf("%d statement layouts for %d statements", len(l.Statements), len(d.Statements))
		}
		for i, st := range d.Statements {
			sp := l.Statements[i]
			for e, items := range map[Element][]string{ElemAction: st.Action, ElemNotAction: st.NotAction, ElemResource: st.Resource, ElemNotResource: st.NotResource} {
				p, _ := sp.Element(e)
				if len(p.Items) != len(items) {
					t.Fatalf("statement %d: %d %s spans for %d items", i, len(p.Items), e, len(items))
				}
			}
			if len(sp.Conditions) != len(st.Condition) {
				t.Fatalf("statement %d: %d condition layouts for %d conditions", i, len(sp.Conditions), len(st.Condition))
			}
			for j, c := range st.Condition {
				cp := sp.Conditions[j]
				if len(cp.Values) != len(c.Values) {
					t.Fatalf("condition %d: %d value spans for %d values", j, len(cp.Values), len(c.Values))
				}
				if c.Key == Unknown {
					continue
				}
				var k string
				if err := json.Unmarshal([]byte(s[cp.Key.Start:cp.Key.End]), &k); err != nil || k != c.Key {
					t.Fatalf("condition %d key span holds %q (%v), want %q", j, k, err, c.Key)
				}
			}
		}
	})
}

// checkSpans checks every span of l lies in s, and that l places its ends
// at the lines and columns they are at.
func checkSpans(t *testing.T, s string, l *Layout) {
	t.Helper()
	check := func(p TextPos) {
		for _, off := range []int32{p.Start, p.End} {
			if off < 0 || int(off) > len(s) {
				t.Fatalf("offset %d outside a text of %d bytes", off, len(s))
			}
			before := s[:off]
			wantLine, wantCol := strings.Count(before, "\n")+1, len(before)-strings.LastIndexByte(before, '\n')
			if line, col := l.Position(off); line != wantLine || col != wantCol {
				t.Fatalf("offset %d placed at %d:%d, is at %d:%d", off, line, col, wantLine, wantCol)
			}
		}
		if p.End < p.Start {
			t.Fatalf("span ends before it starts: %+v", p)
		}
	}
	var elements func(es []ElementPos)
	elements = func(es []ElementPos) {
		for _, e := range es {
			check(e.Pos)
			for _, it := range e.Items {
				check(it)
			}
			elements(e.Members)
		}
	}
	elements(l.Elements)
	for _, st := range l.Statements {
		check(st.Pos)
		elements(st.Elements)
		for _, c := range st.Conditions {
			check(c.Operator)
			check(c.Key)
			for _, v := range c.Values {
				check(v)
			}
		}
	}
	for _, p := range l.Problems {
		check(p.Pos)
	}
}

// BenchmarkParseDocument measures parsing with its layout pass on a policy
// of 20 statements, the size of a large customer managed policy, and the
// layout pass alone: the share of parsing that positions cost.
func BenchmarkParseDocument(b *testing.B) {
	var sts []string
	for i := range 20 {
		sts = append(sts, fmt.Sprintf(`{"Sid":"S%d","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:List*"],`+
			`"Resource":["arn:aws:s3:::bucket-%d","arn:aws:s3:::bucket-%d/*"],`+
			`"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"},"Bool":{"aws:SecureTransport":"true"}}}`, i, i, i))
	}
	text := `{"Version":"2012-10-17","Statement":[` + strings.Join(sts, ",\n") + `]}`
	raw := model.Set(text, model.Origin{})
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ParseDocument(raw)
		}
	})
	b.Run("layout", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			scanLayout(text)
		}
	})
}
