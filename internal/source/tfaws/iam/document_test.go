package iam_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	iamadapt "github.com/vigil-sec/vigil/internal/source/tfaws/iam"
)

// stmt summarizes a statement: what it says and where it is written.
type stmt struct {
	Sid      string
	Effect   string
	Action   string
	Resource string
	Line     int
	Partial  bool
}

func TestDocumentFromDataSource(t *testing.T) {
	const src = `
resource "aws_s3_bucket" "b" {
  bucket = "example"
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example/*"]
  }
  statement {
    sid       = "List"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::example"]
  }
}

data "aws_iam_policy_document" "main" {
  source_policy_documents = [
    data.aws_iam_policy_document.base.json,
    jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Tag", Effect = "Allow", Action = "s3:GetObjectTagging", Resource = "*" }] }),
  ]
  override_policy_documents = [
    jsonencode({ Version = "2012-10-17", Statement = { Sid = "List", Effect = "Deny", Action = "s3:ListBucket", Resource = "*" } }),
  ]
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.b.arn}/&{aws:username}/*"]
  }
}

resource "aws_s3_bucket_policy" "b" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.main.json
}
`
	set := load(t, src)
	doc := iamadapt.Document(set, set.Get("aws_s3_bucket_policy.b").Body, "policy")
	if !doc.Known() {
		t.Fatalf("document unknown: %+v", doc)
	}
	var got []stmt
	for _, s := range doc.Statements {
		got = append(got, stmt{
			Sid: s.Sid, Effect: s.Effect,
			Action: strings.Join(s.Action, ","), Resource: strings.Join(s.Resource, ","),
			Line: s.Origin.Range.StartLine, Partial: s.Partial,
		})
	}
	want := []stmt{
		// The own statement replaces the source's statement of the same Sid.
		{Sid: "Read", Effect: "Allow", Action: "s3:GetObject,s3:GetObjectVersion", Resource: "${unknown}", Line: 27, Partial: true},
		// The override replaces it in place.
		{Sid: "List", Effect: "Deny", Action: "s3:ListBucket", Resource: "*", Line: 24},
		{Sid: "Tag", Effect: "Allow", Action: "s3:GetObjectTagging", Resource: "*", Line: 20},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("statements (-want +got):\n%s", diff)
	}
}

func TestDocumentAbsentAndUnknown(t *testing.T) {
	const src = `
variable "policy" {
  type = string
}

resource "aws_s3_bucket" "none" {
  bucket = "none"
}

resource "aws_s3_bucket" "unknown" {
  bucket = "unknown"
  policy = var.policy
}
`
	set := load(t, src)
	none := iamadapt.Document(set, set.Get("aws_s3_bucket.none").Body, "policy")
	if !none.Known() || len(none.Statements) != 0 || !none.Raw.Defaulted() {
		t.Errorf("absent policy = %+v, want known, empty and defaulted", none)
	}
	unknown := iamadapt.Document(set, set.Get("aws_s3_bucket.unknown").Body, "policy")
	if unknown.Known() {
		t.Errorf("policy from an unset variable = %+v, want unknown", unknown)
	}
}
