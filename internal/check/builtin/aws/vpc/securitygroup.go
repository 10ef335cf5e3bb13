package vpc

import (
	"github.com/vigil-sec/vigil/internal/check"
	"github.com/vigil-sec/vigil/internal/check/builtin/aws/control"
	"github.com/vigil-sec/vigil/internal/model/aws/vpc"
)

// adminPorts are the remote server administration ports CIS 5.1-5.3 name.
var adminPorts = []servicePort{
	{vpc.ProtocolTCP, 22, "SSH"},
	{vpc.ProtocolTCP, 3389, "RDP"},
	{vpc.ProtocolUDP, 3389, "RDP"},
}

var sgReferences = []string{
	"https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html",
	"https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
}

const adminRationale = "SSH and RDP open to the whole internet are scanned within minutes of exposure and attacked with credential stuffing and exploits for the remote access service. Administration should come from known networks, a bastion, or AWS Systems Manager Session Manager, which needs no inbound port at all."

var sgAdminIPv4 = &check.Check{
	ID:          "AWS-VPC-001",
	Slug:        "aws-vpc-sg-admin-ports-open-ipv4",
	Title:       "Security group allows ingress from 0.0.0.0/0 to remote administration ports",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.High,
	Description: "An ingress rule admits any IPv4 address (0.0.0.0/0) to SSH (22) or RDP (3389), directly or through a port range or protocol that includes them.",
	Rationale:   adminRationale,
	Remediation: check.Remediation{
		Text: "Restrict the rule to the administrators' networks or a bastion's security group, or remove it and use Session Manager.",
		Terraform: `resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.app.id
  description       = "SSH from the corporate VPN"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "203.0.113.0/24"
}`,
	},
	References: sgReferences,
	Compliance: control.NetworkExposure(check.Control{Framework: check.FrameworkCISAWS30, ID: "5.2"}),
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0107"},
		Tfsec:   []string{"aws-ec2-no-public-ingress-sgr"},
		Checkov: []string{"CKV_AWS_24", "CKV_AWS_25"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalRules(in, r, vpc.Ingress, func(rule *vpc.Rule) verdict { return judgePorts(rule, true, false, adminPorts) })
	},
}

var sgAdminIPv6 = &check.Check{
	ID:          "AWS-VPC-002",
	Slug:        "aws-vpc-sg-admin-ports-open-ipv6",
	Title:       "Security group allows ingress from ::/0 to remote administration ports",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.High,
	Description: "An ingress rule admits any IPv6 address (::/0) to SSH (22) or RDP (3389), directly or through a port range or protocol that includes them.",
	Rationale:   adminRationale,
	Remediation: check.Remediation{
		Text: "Restrict the rule to the administrators' IPv6 networks or a bastion's security group, or remove it and use Session Manager.",
		Terraform: `resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.app.id
  description       = "SSH from the corporate VPN"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv6         = "2001:db8:1234::/48"
}`,
	},
	References: sgReferences,
	Compliance: control.NetworkExposure(check.Control{Framework: check.FrameworkCISAWS30, ID: "5.3"}),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0107"},
		Tfsec: []string{"aws-ec2-no-public-ingress-sgr"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalRules(in, r, vpc.Ingress, func(rule *vpc.Rule) verdict { return judgePorts(rule, false, true, adminPorts) })
	},
}

var sgAllTraffic = &check.Check{
	ID:          "AWS-VPC-003",
	Slug:        "aws-vpc-sg-all-ports-open",
	Title:       "Security group allows ingress from the internet to all ports",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.Critical,
	Description: "An ingress rule admits any IPv4 or IPv6 address to every port: protocol all (-1), or TCP or UDP over 0-65535.",
	Rationale:   "Every service listening on the attached resources, including ones never meant to be reachable (databases, admin consoles, debug endpoints, the container runtime), is exposed to the whole internet. The security group no longer filters anything.",
	Remediation: check.Remediation{
		Text: "Replace the rule with rules for the ports the service needs, from the sources that need them.",
		Terraform: `resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.web.id
  description       = "HTTPS from the internet"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}`,
	},
	References: sgReferences,
	Compliance: control.NetworkExposure(),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0107"},
		Tfsec: []string{"aws-ec2-no-public-ingress-sgr"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalRules(in, r, vpc.Ingress, func(rule *vpc.Rule) verdict { return judgeAllPorts(rule, "allows ingress from %s to all ports") })
	},
}

// judgeAllPorts fails a rule that admits the internet to every port.
func judgeAllPorts(rule *vpc.Rule, format string) verdict {
	world, complete := worldPeers(rule, true, true)
	all, known := everyPort(rule)
	switch {
	case len(world) > 0 && all:
		return failAt(world[0].Origin, format, world[0].Val())
	case len(world) == 0 && complete:
		return passed
	case len(world) == 0 || !known:
		return unknown
	}
	return passed
}

// everyPort reports whether the rule covers every port: protocol all, or TCP
// or UDP over the whole port range.
func everyPort(rule *vpc.Rule) (all, known bool) {
	p, ok := rule.Protocol.Get()
	if !ok {
		return false, false
	}
	switch p {
	case vpc.ProtocolAll:
		return true, true
	case vpc.ProtocolTCP, vpc.ProtocolUDP:
	default:
		return false, true
	}
	from, okf := rule.FromPort.Get()
	to, okt := rule.ToPort.Get()
	if !okf || !okt {
		return false, false
	}
	return (from <= 1 && to >= 65535) || (from == -1 && to == -1), true
}

// databasePorts are well-known ports of databases, search engines and other
// data stores (Hadoop, Kafka, ZooKeeper).
var databasePorts = []servicePort{
	{vpc.ProtocolTCP, 1433, "SQL Server"},
	{vpc.ProtocolTCP, 1521, "Oracle"},
	{vpc.ProtocolTCP, 2181, "ZooKeeper"},
	{vpc.ProtocolTCP, 2379, "etcd"},
	{vpc.ProtocolTCP, 3306, "MySQL"},
	{vpc.ProtocolTCP, 5432, "PostgreSQL"},
	{vpc.ProtocolTCP, 5601, "Kibana"},
	{vpc.ProtocolTCP, 5984, "CouchDB"},
	{vpc.ProtocolTCP, 6379, "Redis"},
	{vpc.ProtocolTCP, 7474, "Neo4j"},
	{vpc.ProtocolTCP, 8020, "HDFS NameNode"},
	{vpc.ProtocolTCP, 8086, "InfluxDB"},
	{vpc.ProtocolTCP, 8123, "ClickHouse"},
	{vpc.ProtocolTCP, 8182, "Neptune/Gremlin"},
	{vpc.ProtocolTCP, 9042, "Cassandra"},
	{vpc.ProtocolTCP, 9092, "Kafka"},
	{vpc.ProtocolTCP, 9200, "Elasticsearch"},
	{vpc.ProtocolTCP, 9300, "Elasticsearch transport"},
	{vpc.ProtocolTCP, 9870, "HDFS NameNode web UI"},
	{vpc.ProtocolTCP, 11211, "Memcached"},
	{vpc.ProtocolUDP, 11211, "Memcached"},
	{vpc.ProtocolTCP, 27017, "MongoDB"},
}

var sgDatabasePorts = &check.Check{
	ID:          "AWS-VPC-004",
	Slug:        "aws-vpc-sg-database-ports-open",
	Title:       "Security group allows ingress from the internet to database ports",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.High,
	Description: "An ingress rule admits any IPv4 or IPv6 address to a well-known port of a database, search engine or data store (MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, Cassandra, CouchDB, Memcached, Elasticsearch, Kibana, HDFS, Kafka, ZooKeeper, ...).",
	Rationale:   "Internet-facing databases are found by mass scanners within hours; many engines ship without authentication (Redis, Elasticsearch, MongoDB, Memcached, HDFS, Kafka, ZooKeeper) and the others face password spraying and engine exploits. Ransom-wiping of exposed databases is routine, and Memcached over UDP is a favourite DDoS amplifier.",
	Remediation: check.Remediation{
		Text: "Allow the database port only from the application's security group or private networks.",
		Terraform: `resource "aws_vpc_security_group_ingress_rule" "postgres" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from the application tier"
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.app.id
}`,
	},
	References: sgReferences,
	Compliance: control.NetworkExposure(),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0107"},
		Tfsec: []string{"aws-ec2-no-public-ingress-sgr"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalRules(in, r, vpc.Ingress, func(rule *vpc.Rule) verdict { return judgePorts(rule, true, true, databasePorts) })
	},
}

// insecurePorts are services that send credentials in clear text, are
// abused for relaying or amplification, or are routinely exploited when
// reachable from the internet. Public mail (25) and DNS (53) servers are
// rare on AWS, where SES and Route 53 do that work; a deliberate one is an
// exception to suppress.
var insecurePorts = []servicePort{
	{vpc.ProtocolTCP, 21, "FTP"},
	{vpc.ProtocolTCP, 23, "Telnet"},
	{vpc.ProtocolTCP, 25, "SMTP"},
	{vpc.ProtocolTCP, 53, "DNS"},
	{vpc.ProtocolUDP, 53, "DNS"},
	{vpc.ProtocolUDP, 69, "TFTP"},
	{vpc.ProtocolTCP, 111, "RPC portmapper"},
	{vpc.ProtocolUDP, 111, "RPC portmapper"},
	{vpc.ProtocolTCP, 135, "MS RPC"},
	{vpc.ProtocolUDP, 137, "NetBIOS"},
	{vpc.ProtocolTCP, 139, "NetBIOS"},
	{vpc.ProtocolUDP, 161, "SNMP"},
	{vpc.ProtocolTCP, 445, "SMB"},
	{vpc.ProtocolTCP, 512, "rexec"},
	{vpc.ProtocolTCP, 513, "rlogin"},
	{vpc.ProtocolTCP, 514, "rsh"},
	{vpc.ProtocolTCP, 2049, "NFS"},
	{vpc.ProtocolUDP, 2049, "NFS"},
	{vpc.ProtocolTCP, 2375, "Docker API"},
	{vpc.ProtocolTCP, 5900, "VNC"},
	{vpc.ProtocolTCP, 5985, "WinRM"},
	{vpc.ProtocolTCP, 5986, "WinRM"},
	{vpc.ProtocolTCP, 6000, "X11"},
	{vpc.ProtocolTCP, 10250, "Kubelet API"},
	{vpc.ProtocolTCP, 10255, "Kubelet read-only API"},
}

var sgInsecureServices = &check.Check{
	ID:          "AWS-VPC-013",
	Slug:        "aws-vpc-sg-insecure-service-ports-open",
	Title:       "Security group allows ingress from the internet to insecure service ports",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.High,
	Description: "An ingress rule admits any IPv4 or IPv6 address to a service that sends credentials in clear text, is abused for relaying or amplification, or gives remote control when reachable: FTP, TFTP, Telnet, the r-commands (rexec, rlogin, rsh), SMTP, DNS, NFS and the RPC portmapper, SMB/NetBIOS, MS RPC, SNMP, VNC, X11, WinRM, the Docker API or the kubelet API.",
	Rationale:   "These services either expose credentials on the wire or hand over the host (an unauthenticated Docker or kubelet API is remote code execution); NFS exports trust client-supplied identities; SMB and RPC have a long record of wormable vulnerabilities; open SMTP relays send spam in your name and open DNS resolvers and portmappers amplify DDoS attacks. A deliberate public mail or DNS server is the rare exception; none of the others belongs on the internet.",
	Remediation: check.Remediation{
		Text: "Remove the rule, or restrict it to private networks or specific security groups; replace clear-text protocols with encrypted ones (SFTP, SSH).",
		Terraform: `resource "aws_vpc_security_group_ingress_rule" "smb" {
  security_group_id = aws_security_group.files.id
  description       = "SMB from the office network"
  ip_protocol       = "tcp"
  from_port         = 445
  to_port           = 445
  cidr_ipv4         = "10.20.0.0/16"
}`,
	},
	References: sgReferences,
	Compliance: control.NetworkExposure(),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0107"},
		Tfsec: []string{"aws-ec2-no-public-ingress-sgr"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalRules(in, r, vpc.Ingress, func(rule *vpc.Rule) verdict { return judgePorts(rule, true, true, insecurePorts) })
	},
}

var sgUnrestrictedEgress = &check.Check{
	ID:          "AWS-VPC-005",
	Slug:        "aws-vpc-sg-unrestricted-egress",
	Title:       "Security group allows unrestricted egress to the internet",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.Low,
	Description: "An egress rule lets the attached resources send any traffic, on every port, to any IPv4 or IPv6 address.",
	Rationale:   "A compromised workload with unrestricted egress can download tooling, reach command-and-control servers and exfiltrate data on any port. Limiting egress to the destinations and ports the workload needs (package mirrors, AWS endpoints, partner APIs) contains it.",
	Remediation: check.Remediation{
		Text: "Replace the rule with egress rules for the ports and destinations the workload needs; use VPC endpoints for AWS services.",
		Terraform: `resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.app.id
  description       = "HTTPS to the internet"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}`,
	},
	References: sgReferences,
	Compliance: control.NetworkExposure(),
	Equivalents: check.Equivalents{
		AVD:   []string{"AVD-AWS-0104"},
		Tfsec: []string{"aws-ec2-no-public-egress-sgr"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalRules(in, r, vpc.Egress, func(rule *vpc.Rule) verdict { return judgeAllPorts(rule, "allows egress to %s on all ports") })
	},
}

var sgRuleDescription = &check.Check{
	ID:          "AWS-VPC-006",
	Slug:        "aws-vpc-sg-rule-no-description",
	Title:       "Security group rule has no description",
	Provider:    "aws",
	Service:     "vpc",
	Severity:    check.Low,
	Description: "A security group rule has no description saying why it exists.",
	Rationale:   "Rules without a stated purpose cannot be reviewed: nobody dares remove them, so stale openings accumulate. A description lets reviewers and auditors tell an intended exception from a mistake.",
	Remediation: check.Remediation{
		Text: "Add a description to every rule.",
		Terraform: `resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.web.id
  description       = "HTTPS from the public load balancer"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  referenced_security_group_id = aws_security_group.lb.id
}`,
	},
	References: sgReferences,
	Compliance: []check.Control{
		{Framework: check.FrameworkNIST80053, ID: "CM-6"},
		{Framework: check.FrameworkPCIDSS40, ID: "1.2.5"},
		{Framework: check.FrameworkISO27001, ID: "A.8.9"},
	},
	Equivalents: check.Equivalents{
		AVD:     []string{"AVD-AWS-0124"},
		Tfsec:   []string{"aws-ec2-add-description-to-security-group-rule"},
		Checkov: []string{"CKV_AWS_23"},
	},
	Evaluate: func(in *check.Input, r *check.Reporter) {
		evalRules(in, r, 0, func(rule *vpc.Rule) verdict {
			switch d := rule.Description; {
			case d.Is(""):
				return failAt(d.OriginOr(rule.Origin), "has a rule without a description")
			case d.Known():
				return passed
			}
			return unknown
		})
	},
}
