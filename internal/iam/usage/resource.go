package usage

import (
	"cmp"
	"encoding/json"
	"net/url"
	"strings"
)

// target is a resource an event names: the ARN to test against the
// catalogue's resource types, and the ARN or pattern a policy must name to
// allow the call, which differ for Lambda qualifiers and log groups.
type target struct {
	match, grant string
}

// newTarget escapes the characters IAM reads as wildcards or variables in a
// literal ARN (S3 keys may hold them) and applies the services' grant forms.
func newTarget(arn string) target {
	arn = escapeARN(arn)
	t := target{match: arn, grant: arn}
	switch arnField(arn, 2) {
	case "lambda":
		// "function:name:qualifier": the catalogue's pattern is the
		// unqualified function; a policy must name the qualified ARN
		// that was invoked.
		if strings.Count(resourcePart(arn), ":") == 2 {
			t.match = arn[:strings.LastIndexByte(arn, ':')]
		}
	case "logs":
		// Log group actions are authorized against "log-group:NAME:*".
		res := resourcePart(arn)
		if strings.HasPrefix(res, "log-group:") && !strings.Contains(res, ":log-stream:") {
			t.match = strings.TrimSuffix(arn, ":*")
			t.grant = t.match + ":*"
		}
	}
	return t
}

// escapeARN writes IAM's escapes for the characters of a literal ARN that a
// policy would read as wildcards or a variable (S3 keys may hold them):
// policy version 2012-10-17 reads ${*}, ${?} and ${$} as the characters.
func escapeARN(arn string) string {
	if !strings.ContainsAny(arn, "*?") && !strings.Contains(arn, "${") {
		return arn
	}
	var b strings.Builder
	for i := range len(arn) {
		c := arn[i]
		if c == '*' || c == '?' || c == '$' && i+1 < len(arn) && arn[i+1] == '{' {
			b.WriteString("${")
			b.WriteByte(c)
			b.WriteByte('}')
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// pattern is a target whose grant form is a pattern built from literal
// parts, which are escaped: a secret name with its random suffix, an S3
// bucket's objects.
func pattern(match, grantPrefix, wildcard string) target {
	return target{match: match, grant: escapeARN(grantPrefix) + wildcard}
}

// requestParams are the request parameters resources are derived from.
// Field matching is case-insensitive, so "streamArn" (DynamoDB) and
// "streamARN" (Kinesis) share a field; each service reads only its own.
type requestParams struct {
	BucketName          string                     `json:"bucketName"`
	Key                 string                     `json:"key"`
	CopySource          string                     `json:"x-amz-copy-source"`
	VersionID           string                     `json:"versionId"`
	TableName           string                     `json:"tableName"`
	IndexName           string                     `json:"indexName"`
	RequestItems        map[string]json.RawMessage `json:"requestItems"`
	StreamARN           string                     `json:"streamArn"`
	QueueURL            string                     `json:"queueUrl"`
	QueueName           string                     `json:"queueName"`
	TopicARN            string                     `json:"topicArn"`
	FunctionName        string                     `json:"functionName"`
	Qualifier           string                     `json:"qualifier"`
	KeyID               string                     `json:"keyId"`
	RoleName            string                     `json:"roleName"`
	RoleARN             string                     `json:"roleArn"`
	UserName            string                     `json:"userName"`
	GroupName           string                     `json:"groupName"`
	PolicyARN           string                     `json:"policyArn"`
	InstanceProfileName string                     `json:"instanceProfileName"`
	SecretID            string                     `json:"secretId"`
	Name                string                     `json:"name"`
	Names               []string                   `json:"names"`
	LogGroupName        string                     `json:"logGroupName"`
	LogStreamName       string                     `json:"logStreamName"`
	StreamName          string                     `json:"streamName"`
	DeliveryStreamName  string                     `json:"deliveryStreamName"`
	StateMachineARN     string                     `json:"stateMachineArn"`
	RepositoryName      string                     `json:"repositoryName"`
	RegistryID          string                     `json:"registryId"`
}

// params decodes what it can of the request parameters: a field of an
// unexpected type is left empty, never guessed.
func params(e *Event) requestParams {
	var p requestParams
	if len(e.Request) > 0 && e.Request[0] == '{' {
		_ = json.Unmarshal(e.Request, &p) // a type error leaves only that field empty
	}
	return p
}

// scope is where names without an ARN live: the partition, region and
// account the call went to.
type scope struct{ partition, region, account string }

func eventScope(e *Event) scope {
	acct := cmp.Or(e.Account, e.Identity.AccountID)
	part := ""
	if strings.HasPrefix(e.Identity.ARN, "arn:") {
		part = arnField(e.Identity.ARN, 1)
	}
	if part == "" {
		part = regionPartition(e.Region)
	}
	return scope{partition: part, region: e.Region, account: acct}
}

func regionPartition(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	}
	return "aws"
}

func (s scope) arn(service, region, resource string) string {
	return "arn:" + s.partition + ":" + service + ":" + region + ":" + s.account + ":" + resource
}

// requestTargets derives the resources a request names from its
// parameters, for the services whose parameters say it plainly. copySource
// selects, for S3 copies, the source object instead of the destination.
func requestTargets(e *Event, p *requestParams, prefix string, copySource bool, dst []target) []target {
	s := eventScope(e)
	add := func(arn string) { dst = append(dst, newTarget(arn)) }
	switch prefix {
	case "s3":
		bucket, key := p.BucketName, p.Key
		if copySource {
			bucket, key = splitCopySource(p.CopySource)
		}
		if bucket == "" {
			break
		}
		b := "arn:" + s.partition + ":s3:::" + bucket
		add(b)
		if key != "" {
			add(b + "/" + key)
		} else if !copySource {
			// The log names the bucket but not the objects (a
			// multi-object delete): the objects are in the bucket.
			dst = append(dst, pattern(b+"/*", b+"/", "*"))
		}
	case "dynamodb":
		if p.TableName != "" {
			if strings.HasPrefix(p.TableName, "arn:") {
				add(p.TableName)
			} else {
				add(s.arn("dynamodb", s.region, "table/"+p.TableName))
				if p.IndexName != "" {
					add(s.arn("dynamodb", s.region, "table/"+p.TableName+"/index/"+p.IndexName))
				}
			}
		}
		for name := range p.RequestItems {
			if strings.HasPrefix(name, "arn:") {
				add(name)
			} else {
				add(s.arn("dynamodb", s.region, "table/"+name))
			}
		}
		if strings.HasPrefix(p.StreamARN, "arn:") {
			add(p.StreamARN)
		}
	case "sqs":
		if arn := queueARN(p.QueueURL, s); arn != "" {
			add(arn)
		} else if p.QueueName != "" {
			add(s.arn("sqs", s.region, p.QueueName))
		}
	case "sns":
		if strings.HasPrefix(p.TopicARN, "arn:") {
			add(p.TopicARN)
		} else if e.Name == "CreateTopic" && p.Name != "" {
			add(s.arn("sns", s.region, p.Name))
		}
	case "lambda":
		if arn := functionARN(p.FunctionName, p.Qualifier, s); arn != "" {
			add(arn)
		}
	case "kms":
		switch {
		case strings.HasPrefix(p.KeyID, "arn:"):
			add(p.KeyID)
		case p.KeyID != "" && !strings.HasPrefix(p.KeyID, "alias/") && !strings.Contains(p.KeyID, ":"):
			add(s.arn("kms", s.region, "key/"+p.KeyID))
		}
	case "iam":
		dst = iamTargets(e, p, s, dst)
	case "sts":
		if strings.HasPrefix(p.RoleARN, "arn:") {
			add(p.RoleARN)
		}
	case "secretsmanager":
		switch id := cmp.Or(p.SecretID, p.Name); {
		case strings.HasPrefix(id, "arn:"):
			add(id)
		case id != "" && !strings.Contains(id, ":"):
			// A secret's ARN ends in a random six-character suffix.
			prefix := s.arn("secretsmanager", s.region, "secret:"+id)
			dst = append(dst, pattern(prefix+"-??????", prefix+"-", "??????"))
		}
	case "ssm":
		for _, name := range append([]string{p.Name}, p.Names...) {
			switch {
			case strings.HasPrefix(name, "arn:"):
				add(name)
			case name != "":
				add(s.arn("ssm", s.region, "parameter/"+strings.TrimPrefix(name, "/")))
			}
		}
	case "logs":
		if p.LogGroupName != "" {
			g := s.arn("logs", s.region, "log-group:"+p.LogGroupName)
			add(g)
			if p.LogStreamName != "" {
				add(g + ":log-stream:" + p.LogStreamName)
			}
		}
	case "kinesis":
		if strings.HasPrefix(p.StreamARN, "arn:") {
			add(p.StreamARN)
		} else if p.StreamName != "" {
			add(s.arn("kinesis", s.region, "stream/"+p.StreamName))
		}
	case "firehose":
		if p.DeliveryStreamName != "" {
			add(s.arn("firehose", s.region, "deliverystream/"+p.DeliveryStreamName))
		}
	case "states":
		if strings.HasPrefix(p.StateMachineARN, "arn:") {
			add(p.StateMachineARN)
		}
	case "ecr":
		if p.RepositoryName != "" {
			r := s
			if p.RegistryID != "" {
				r.account = p.RegistryID
			}
			add(r.arn("ecr", s.region, "repository/"+p.RepositoryName))
		}
	}
	return dst
}

// iamTargets names IAM entities. A name alone does not say the entity's
// path, and IAM names are unique whatever the path, so both the root path
// and "any path" are named: together they are exactly that entity.
func iamTargets(e *Event, p *requestParams, s scope, dst []target) []target {
	named := func(kind, name string) {
		base := "arn:" + s.partition + ":iam::" + s.account + ":" + kind + "/"
		dst = append(dst, newTarget(base+name), pattern(base+"*/"+name, base, "*/"+escapeARN(name)))
	}
	switch {
	case p.UserName != "":
		named("user", p.UserName)
	case e.Identity.Type == "IAMUser" && strings.HasPrefix(e.Identity.ARN, "arn:"):
		// User actions without a user name act on the caller.
		dst = append(dst, newTarget(e.Identity.ARN))
	}
	if p.RoleName != "" {
		named("role", p.RoleName)
	}
	if p.GroupName != "" {
		named("group", p.GroupName)
	}
	if p.InstanceProfileName != "" {
		named("instance-profile", p.InstanceProfileName)
	}
	if strings.HasPrefix(p.PolicyARN, "arn:") {
		dst = append(dst, newTarget(p.PolicyARN))
	}
	return dst
}

// splitCopySource reads S3's "x-amz-copy-source": "bucket/key", URL
// encoded, with an optional leading '/' and "?versionId=".
func splitCopySource(src string) (bucket, key string) {
	src, _, _ = strings.Cut(src, "?versionId=")
	if u, err := url.PathUnescape(src); err == nil {
		src = u
	}
	src = strings.TrimPrefix(src, "/")
	bucket, key, _ = strings.Cut(src, "/")
	return bucket, key
}

// queueARN turns a queue URL, https://sqs.<region>.amazonaws.com/<account>/<name>
// (or the legacy https://<region>.queue.amazonaws.com/...), into its ARN.
func queueARN(queueURL string, s scope) string {
	u, err := url.Parse(queueURL)
	if err != nil || u.Host == "" {
		return ""
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return ""
	}
	region := s.region
	host := strings.Split(u.Host, ".")
	switch {
	case len(host) > 2 && host[0] == "sqs":
		region = host[1]
	case len(host) > 2 && host[1] == "queue":
		region = host[0]
	}
	partition := s.partition
	if p := regionPartition(region); p != "aws" {
		partition = p
	}
	return "arn:" + partition + ":sqs:" + region + ":" + parts[0] + ":" + parts[1]
}

// functionARN turns Lambda's FunctionName parameter (a name, "name:alias",
// "account:function:name" or an ARN) and Qualifier into the ARN invoked.
func functionARN(name, qualifier string, s scope) string {
	if name == "" {
		return ""
	}
	var arn string
	switch {
	case strings.HasPrefix(name, "arn:"):
		arn = name
	case strings.Contains(name, ":function:"):
		arn = "arn:" + s.partition + ":lambda:" + s.region + ":" + name
	default:
		arn = s.arn("lambda", s.region, "function:"+name)
	}
	if qualifier != "" && strings.Count(resourcePart(arn), ":") == 1 {
		arn += ":" + qualifier
	}
	return arn
}
