package rds

import (
	"strconv"
	"strings"

	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model"
	"github.com/vigil-sec/vigil/internal/model/aws/rds"
)

var tlsRequired = &check.Check{
	ID:          "AWS-RDS-009",
	Slug:        "aws-rds-tls-not-required",
	Title:       "RDS database does not require TLS connections",
	Provider:    "aws",
	Service:     "rds",
	Severity:    check.Medium,
	Description: "The database's parameter group does not force TLS (rds.force_ssl for PostgreSQL and SQL Server, require_secure_transport for MySQL and MariaDB), so clients may connect in plain text.",
	Rationale: "Without enforcement, a misconfigured client silently sends credentials and query results unencrypted " +
		"across the network, where they can be captured or altered.",
	Remediation: check.Remediation{
		Text: "Set rds.force_ssl to 1 (PostgreSQL, SQL Server) or require_secure_transport to 1 (MySQL, MariaDB) in " +
			"the DB parameter group, or the DB cluster parameter group for Aurora and Multi-AZ clusters.",
		Terraform: `resource "aws_db_parameter_group" "example" {
  name   = "example-postgres16"
  family = "postgres16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}`,
	},
	References: []string{
		"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html",
		"https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html",
	},
	Compliance: control.EncryptionInTransit(),
	Evaluate: func(in *check.Input, r *check.Reporter) {
		for _, i := range in.AWS.RDS.Instances {
			// Aurora members take TLS settings from the cluster parameter group.
			if !i.ClusterMember && i.ParameterGroup != nil {
				evalTLS(r, i.Resource, "DB instance", i.ParameterGroup)
			}
		}
		for _, c := range in.AWS.RDS.Clusters {
			if c.ParameterGroup != nil {
				evalTLS(r, c.Resource, "DB cluster", c.ParameterGroup)
			}
		}
	},
}

func evalTLS(r *check.Reporter, res model.Resource, kind string, g *rds.ParameterGroup) {
	param, enforcedByDefault, ok := tlsParameter(g.Family)
	if !ok {
		return
	}
	v, set := g.Parameter(param)
	switch {
	case set && !v.Known():
	case set && isOn(v.Val()):
		r.Pass(res)
	case set:
		r.Fail(res, v.Origin, "%s %s does not require TLS: parameter group %s sets %s to %q.", kind, res.Name, g.Name, param, v.Val())
	case !g.Parameters.Known():
	case enforcedByDefault:
		r.Pass(res)
	default:
		r.Fail(res, g.Origin, "%s %s does not require TLS: parameter group %s leaves %s off.", kind, res.Name, g.Name, param)
	}
}

// tlsParameter returns the parameter that forces TLS for the engine family and
// whether the family enforces it by default. ok is false for families where
// TLS is configured elsewhere (Oracle's option groups) or is not known.
func tlsParameter(family model.String) (param string, enforcedByDefault, ok bool) {
	f, known := family.Get()
	if !known {
		return "", false, false
	}
	f = strings.ToLower(f)
	switch {
	case strings.HasPrefix(f, "aurora-postgresql"), strings.HasPrefix(f, "sqlserver"):
		return "rds.force_ssl", false, true
	case strings.HasPrefix(f, "postgres"):
		// RDS for PostgreSQL 15 and later forces TLS by default.
		major, err := strconv.Atoi(strings.TrimPrefix(f, "postgres"))
		if err != nil {
			return "", false, false
		}
		return "rds.force_ssl", major >= 15, true
	case strings.HasPrefix(f, "mysql"), strings.HasPrefix(f, "mariadb"), strings.HasPrefix(f, "aurora-mysql"), f == "aurora5.6":
		return "require_secure_transport", false, true
	}
	return "", false, false
}

func isOn(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "on", "true":
		return true
	}
	return false
}
