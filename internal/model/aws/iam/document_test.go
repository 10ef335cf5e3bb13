package iam

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
)

// TestParseDocumentPartial checks how a text holding Unknown parses: the
// statements holding it are Partial wherever it is, a Principal or
// Condition given as Unknown reads as unknown items, and a text that does
// not parse is unknown, not malformed.
func TestParseDocumentPartial(t *testing.T) {
	o := model.Origin{Range: model.Range{File: "main.tf", StartLine: 3}}
	stmt := func(body string) string { return `{"Version":"2012-10-17","Statement":[` + body + `]}` }
	for _, tc := range []struct {
		name string
		text string
		want []Statement
	}{
		{
			name: "known statement next to a partial one",
			text: stmt(`{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"${unknown}/*"},` +
				`{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}`),
			want: []Statement{
				{Origin: o, Partial: true, Effect: "Allow", Principal: &Principal{All: true}, Action: []string{"s3:GetObject"}, Resource: []string{"${unknown}/*"}},
				{Origin: o, Effect: "Deny", Principal: &Principal{All: true}, Action: []string{"s3:*"}, Resource: []string{"*"}},
			},
		},
		{
			name: "unknown effect",
			text: stmt(`{"Effect":"${unknown}","Action":"s3:*"}`),
			want: []Statement{{Origin: o, Partial: true, Effect: Unknown, Action: []string{"s3:*"}}},
		},
		{
			name: "unknown principal",
			text: stmt(`{"Effect":"Allow","Principal":"${unknown}","Action":"s3:*"}`),
			want: []Statement{{Origin: o, Partial: true, Effect: "Allow", Principal: &Principal{AWS: []string{Unknown}}, Action: []string{"s3:*"}}},
		},
		{
			name: "unknown principal identifier",
			text: stmt(`{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${unknown}:root"},"Action":"s3:*"}`),
			want: []Statement{{Origin: o, Partial: true, Effect: "Allow", Principal: &Principal{AWS: []string{"arn:aws:iam::${unknown}:root"}}, Action: []string{"s3:*"}}},
		},
		{
			name: "unknown condition block",
			text: stmt(`{"Effect":"Allow","Action":"s3:*","Condition":"${unknown}"}`),
			want: []Statement{{Origin: o, Partial: true, Effect: "Allow", Action: []string{"s3:*"}, Condition: []Condition{{Operator: Unknown, Key: Unknown, Values: []string{Unknown}}}}},
		},
		{
			name: "unknown condition keys",
			text: stmt(`{"Effect":"Allow","Action":"s3:*","Condition":{"StringEquals":"${unknown}","Bool":{"aws:SecureTransport":"${unknown}"}}}`),
			want: []Statement{{Origin: o, Partial: true, Effect: "Allow", Action: []string{"s3:*"}, Condition: []Condition{
				{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{Unknown}},
				{Operator: "StringEquals", Key: Unknown, Values: []string{Unknown}},
			}}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := ParseDocument(model.Set(tc.text, o))
			if !d.Known() {
				t.Fatalf("document not known: %q", d.Err)
			}
			if diff := cmp.Diff(tc.want, d.Statements); diff != "" {
				t.Errorf("statements (-want +got):\n%s", diff)
			}
		})
	}
	for _, text := range []string{
		`"${unknown}"`,
		stmt(`"${unknown}"`),
		`{"Statement": [{"Effect": "Allow", "Principal": ${unknown}}]}`,
	} {
		if d := ParseDocument(model.Set(text, o)); d.Known() || d.Err != "" || !cmp.Equal(d.Raw.Origin, o) {
			t.Errorf("ParseDocument(%s) = %+v; want an unknown document at the text's origin", text, d)
		}
	}
	if d := ParseDocument(model.Set(`{"Statement": [`, o)); d.Err == "" {
		t.Error("a malformed text without Unknown must stay malformed")
	}
}
