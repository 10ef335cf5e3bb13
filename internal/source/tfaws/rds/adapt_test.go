package rds_test

import (
	"context"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/source/terraform"
	rdsadapt "github.com/vigil-sec/vigil/internal/source/tfaws/rds"
	"github.com/vigil-sec/vigil/internal/source/tfres"
)

// summary is what the joins decide for one database: its storage encryption,
// whether its key is customer managed, and which parameter group it was
// linked to.
type summary struct {
	Encrypted string
	CMK       string
	Group     string
}

func certainty(v model.Bool) string {
	if b, ok := v.Get(); ok {
		if b {
			return "true/" + v.Certainty.String()
		}
		return "false/" + v.Certainty.String()
	}
	return "unknown"
}

func TestAdaptJoins(t *testing.T) {
	const src = `
variable "group" {
  type = string
}

resource "aws_db_parameter_group" "by_ref" {
  name   = "by-ref"
  family = "postgres14"
}

resource "aws_db_parameter_group" "by_name" {
  name   = "by-name"
  family = "mysql8.0"
}

resource "aws_rds_cluster_parameter_group" "cluster" {
  name   = "cluster"
  family = "aurora-postgresql16"
}

resource "aws_db_instance" "ref" {
  identifier           = "ref"
  engine               = "postgres"
  parameter_group_name = aws_db_parameter_group.by_ref.name
}

resource "aws_db_instance" "name" {
  identifier           = "name"
  engine               = "mysql"
  storage_encrypted    = true
  parameter_group_name = "by-name"
}

resource "aws_db_instance" "unknown" {
  identifier           = "unknown"
  engine               = "postgres"
  kms_key_id           = "arn:aws:kms:eu-west-1:123456789012:key/abc"
  parameter_group_name = var.group
}

resource "aws_kms_key" "app" {
  enable_key_rotation = true
}

resource "aws_db_instance" "cmk" {
  identifier        = "cmk"
  engine            = "postgres"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.app.arn
}

resource "aws_db_instance" "replica" {
  identifier          = "replica"
  replicate_source_db = aws_db_instance.ref.identifier
}

resource "aws_rds_cluster" "serverless" {
  cluster_identifier              = "serverless"
  engine                          = "aurora-postgresql"
  engine_mode                     = "serverless"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.cluster.name
}

resource "aws_rds_cluster" "secondary" {
  cluster_identifier        = "secondary"
  engine                    = "aurora-postgresql"
  global_cluster_identifier = "global"
}
`
	res, err := terraform.Load(context.Background(), fstest.MapFS{"main.tf": {Data: []byte(src)}}, ".", terraform.Options{})
	if err != nil {
		t.Fatal(err)
	}
	st := rdsadapt.Adapt(tfres.NewSet(res.Resources))
	got := map[string]summary{}
	for _, i := range st.Instances {
		s := summary{Encrypted: certainty(i.StorageEncryption.Enabled), CMK: certainty(i.StorageEncryption.Key.CustomerManaged)}
		if i.ParameterGroup != nil {
			s.Group = i.ParameterGroup.Name
		}
		got[i.ID] = s
	}
	for _, c := range st.Clusters {
		s := summary{Encrypted: certainty(c.StorageEncryption.Enabled), CMK: certainty(c.StorageEncryption.Key.CustomerManaged)}
		if c.ParameterGroup != nil {
			s.Group = c.ParameterGroup.Name
		}
		got[c.ID] = s
	}
	want := map[string]summary{
		"aws_db_instance.ref":     {Encrypted: "false/defaulted", CMK: "false/defaulted", Group: "by-ref"},
		"aws_db_instance.name":    {Encrypted: "true/explicit", CMK: "false/defaulted", Group: "by-name"},
		"aws_db_instance.unknown": {Encrypted: "unknown", CMK: "true/explicit"},
		"aws_db_instance.cmk":     {Encrypted: "true/explicit", CMK: "true/explicit"},
		// A replica and a secondary use their source's key.
		"aws_db_instance.replica":    {Encrypted: "unknown", CMK: "unknown"},
		"aws_rds_cluster.serverless": {Encrypted: "true/defaulted", CMK: "false/defaulted", Group: "cluster"},
		"aws_rds_cluster.secondary":  {Encrypted: "unknown", CMK: "unknown"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("joins (-want +got):\n%s", diff)
	}
}
