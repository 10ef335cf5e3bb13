package kms_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	kmsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/kms"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

func TestKeyRef(t *testing.T) {
	const src = `
variable "key" {
  type = string
}

resource "aws_kms_key" "k" {}

resource "aws_kms_alias" "k" {
  name          = "alias/data"
  target_key_id = aws_kms_key.k.key_id
}

data "aws_kms_key" "s3" {
  key_id = "alias/aws/s3"
}

resource "aws_sqs_queue" "q" {
  for_each = {
    absent     = null
    aws_alias  = "alias/aws/sqs"
    own_alias  = "alias/queue"
    key_ref    = aws_kms_key.k.arn
    alias_ref  = aws_kms_alias.k.arn
    aws_lookup = data.aws_kms_key.s3.arn
    variable   = var.key
  }
  name              = each.key
  kms_master_key_id = each.value
}
`
	res, err := terraform.Load(context.Background(), fstest.MapFS{"main.tf": {Data: []byte(src)}}, ".", terraform.Options{})
	if err != nil || res.Diagnostics.HasErrors() {
		t.Fatalf("load: %v %v", err, res.Diagnostics)
	}
	set := tfres.NewSet(res.Resources)
	got := map[string]string{}
	for _, r := range set.OfType("aws_sqs_queue") {
		ref := kmsadapt.KeyRef(set, r.Body, "kms_master_key_id")
		v, known := ref.CustomerManaged.Get()
		switch {
		case !known:
			got[r.Body.String("name", "").Val()] = "unknown"
		case v:
			got[r.Body.String("name", "").Val()] = "customer/" + ref.CustomerManaged.Certainty.String()
		default:
			got[r.Body.String("name", "").Val()] = "aws/" + ref.CustomerManaged.Certainty.String()
		}
	}
	want := map[string]string{
		"absent":     "aws/defaulted",
		"aws_alias":  "aws/explicit",
		"own_alias":  "customer/explicit",
		"key_ref":    "customer/explicit",
		"alias_ref":  "customer/explicit",
		"aws_lookup": "aws/explicit",
		"variable":   "unknown",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("customer managed (-want +got):\n%s", diff)
	}
}
