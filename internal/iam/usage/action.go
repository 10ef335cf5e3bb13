package usage

import (
	"strings"

	"github.com/vigil-sec/vigil/internal/iam/catalog"
)

// sourcePrefixes maps the event sources whose host name is not the IAM
// service prefix. Every other "<x>.amazonaws.com" source is service x when
// the catalogue knows it.
var sourcePrefixes = map[string]string{
	"monitoring.amazonaws.com":        "cloudwatch",
	"email.amazonaws.com":             "ses",
	"streams.dynamodb.amazonaws.com":  "dynamodb",
	"tagging.amazonaws.com":           "tag",
	"runtime.sagemaker.amazonaws.com": "sagemaker",
	"models.lex.amazonaws.com":        "lex",
	"runtime.lex.amazonaws.com":       "lex",
	"cloudcontrolapi.amazonaws.com":   "cloudformation",
}

// renames maps, per service, the event names (API operations) that are not
// the name of the IAM action they need, or need several actions. A test
// checks every target is in the catalogue.
var renames = map[string]map[string][]string{
	"s3": {
		"ListObjects":                                 {"ListBucket"},
		"ListObjectsV2":                               {"ListBucket"},
		"HeadBucket":                                  {"ListBucket"},
		"ListObjectVersions":                          {"ListBucketVersions"},
		"HeadObject":                                  {"GetObject"},
		"SelectObjectContent":                         {"GetObject"},
		"ListBuckets":                                 {"ListAllMyBuckets"},
		"CreateMultipartUpload":                       {"PutObject"},
		"UploadPart":                                  {"PutObject"},
		"CompleteMultipartUpload":                     {"PutObject"},
		"CopyObject":                                  {"PutObject", "GetObject"},
		"UploadPartCopy":                              {"PutObject", "GetObject"},
		"ListParts":                                   {"ListMultipartUploadParts"},
		"ListMultipartUploads":                        {"ListBucketMultipartUploads"},
		"DeleteObjects":                               {"DeleteObject"},
		"GetBucketLifecycle":                          {"GetLifecycleConfiguration"},
		"GetBucketLifecycleConfiguration":             {"GetLifecycleConfiguration"},
		"PutBucketLifecycle":                          {"PutLifecycleConfiguration"},
		"PutBucketLifecycleConfiguration":             {"PutLifecycleConfiguration"},
		"DeleteBucketLifecycle":                       {"PutLifecycleConfiguration"},
		"GetBucketEncryption":                         {"GetEncryptionConfiguration"},
		"PutBucketEncryption":                         {"PutEncryptionConfiguration"},
		"DeleteBucketEncryption":                      {"PutEncryptionConfiguration"},
		"GetBucketReplication":                        {"GetReplicationConfiguration"},
		"PutBucketReplication":                        {"PutReplicationConfiguration"},
		"DeleteBucketReplication":                     {"PutReplicationConfiguration"},
		"GetBucketCors":                               {"GetBucketCORS"},
		"PutBucketCors":                               {"PutBucketCORS"},
		"DeleteBucketCors":                            {"PutBucketCORS"},
		"GetBucketNotificationConfiguration":          {"GetBucketNotification"},
		"PutBucketNotificationConfiguration":          {"PutBucketNotification"},
		"GetBucketAccelerateConfiguration":            {"GetAccelerateConfiguration"},
		"PutBucketAccelerateConfiguration":            {"PutAccelerateConfiguration"},
		"GetBucketAnalyticsConfiguration":             {"GetAnalyticsConfiguration"},
		"ListBucketAnalyticsConfigurations":           {"GetAnalyticsConfiguration"},
		"PutBucketAnalyticsConfiguration":             {"PutAnalyticsConfiguration"},
		"DeleteBucketAnalyticsConfiguration":          {"PutAnalyticsConfiguration"},
		"GetBucketInventoryConfiguration":             {"GetInventoryConfiguration"},
		"ListBucketInventoryConfigurations":           {"GetInventoryConfiguration"},
		"PutBucketInventoryConfiguration":             {"PutInventoryConfiguration"},
		"DeleteBucketInventoryConfiguration":          {"PutInventoryConfiguration"},
		"GetBucketMetricsConfiguration":               {"GetMetricsConfiguration"},
		"ListBucketMetricsConfigurations":             {"GetMetricsConfiguration"},
		"PutBucketMetricsConfiguration":               {"PutMetricsConfiguration"},
		"DeleteBucketMetricsConfiguration":            {"PutMetricsConfiguration"},
		"GetBucketIntelligentTieringConfiguration":    {"GetIntelligentTieringConfiguration"},
		"ListBucketIntelligentTieringConfigurations":  {"GetIntelligentTieringConfiguration"},
		"PutBucketIntelligentTieringConfiguration":    {"PutIntelligentTieringConfiguration"},
		"DeleteBucketIntelligentTieringConfiguration": {"PutIntelligentTieringConfiguration"},
		"GetObjectLockConfiguration":                  {"GetBucketObjectLockConfiguration"},
		"PutObjectLockConfiguration":                  {"PutBucketObjectLockConfiguration"},
		"GetPublicAccessBlock":                        {"GetBucketPublicAccessBlock"},
		"PutPublicAccessBlock":                        {"PutBucketPublicAccessBlock"},
		"DeletePublicAccessBlock":                     {"PutBucketPublicAccessBlock"},
		"DeleteBucketPublicAccessBlock":               {"PutBucketPublicAccessBlock"},
		"DeleteBucketOwnershipControls":               {"PutBucketOwnershipControls"},
		"DeleteBucketTagging":                         {"PutBucketTagging"},
	},
	"lambda": {
		"Invoke":                   {"InvokeFunction"},
		"InvokeWithResponseStream": {"InvokeFunction"},
	},
	"sqs": {
		"SendMessageBatch":             {"SendMessage"},
		"DeleteMessageBatch":           {"DeleteMessage"},
		"ChangeMessageVisibilityBatch": {"ChangeMessageVisibility"},
	},
	"sns": {
		"PublishBatch": {"Publish"},
	},
	"kms": {
		"ReEncrypt": {"ReEncryptFrom", "ReEncryptTo"},
	},
	"dynamodb": {
		"TransactGetItems": {"GetItem"},
	},
	"bedrock": {
		"Converse":       {"InvokeModel"},
		"ConverseStream": {"InvokeModelWithResponseStream"},
	},
	"apigateway": {
		"TagResource":                {"PUT"},
		"UntagResource":              {"DELETE"},
		"ImportRestApi":              {"POST"},
		"ImportApiKeys":              {"POST"},
		"ImportDocumentationParts":   {"PUT"},
		"GenerateClientCertificate":  {"POST"},
		"FlushStageCache":            {"DELETE"},
		"FlushStageAuthorizersCache": {"DELETE"},
		"TestInvokeMethod":           {"POST"},
		"TestInvokeAuthorizer":       {"POST"},
	},
}

// apigatewayVerbs maps API Gateway's management operations to the HTTP
// verbs its IAM actions are named after, by the operation's verb.
var apigatewayVerbs = [...]struct{ prefix, verb string }{
	{"Get", "GET"}, {"Create", "POST"}, {"Update", "PATCH"}, {"Delete", "DELETE"}, {"Put", "PUT"},
}

// versionedS3 maps S3 object actions to the action AWS checks when the
// request names an object version.
var versionedS3 = map[string]string{
	"GetObject":           "GetObjectVersion",
	"DeleteObject":        "DeleteObjectVersion",
	"GetObjectAcl":        "GetObjectVersionAcl",
	"PutObjectAcl":        "PutObjectVersionAcl",
	"GetObjectTagging":    "GetObjectVersionTagging",
	"PutObjectTagging":    "PutObjectVersionTagging",
	"DeleteObjectTagging": "DeleteObjectVersionTagging",
	"GetObjectAttributes": "GetObjectVersionAttributes",
}

// permissionFree are catalogue actions AWS authorizes without a policy, so
// a least-privilege policy need not grant them.
var permissionFree = map[string]bool{
	"sts:GetCallerIdentity": true,
}

// Reasons an event maps to no action.
const (
	ReasonNotAWS        = "event source is not an AWS service endpoint"
	ReasonNoService     = "service is not in the action catalogue"
	ReasonNoAction      = "no catalogue action of the service has this name"
	ReasonPerItemAction = "the actions needed depend on what each item or statement of the request does, which the log does not record"
)

// perItem are operations whose needed actions depend on what each item or
// PartiQL statement of the request does (a put, an update, a delete).
var perItem = map[string]bool{
	"dynamodb:TransactWriteItems":    true,
	"dynamodb:ExecuteTransaction":    true,
	"dynamodb:BatchExecuteStatement": true,
	"dynamodb:ExecuteStatement":      true,
}

// mapping is what one (event source, event name) pair maps to.
type mapping struct {
	prefix  string
	actions []*catalog.Action
	// free is set for calls that need no permission.
	free bool
	// reason says why actions is empty when it is not free.
	reason string
}

// mapEvent maps an event's source and name to IAM actions, without looking
// at the request (see versioned).
func mapEvent(cat *catalog.Catalog, source, name string) mapping {
	prefix, ok := sourcePrefixes[source]
	if !ok {
		host, found := strings.CutSuffix(source, ".amazonaws.com")
		if !found || host == "" || strings.Contains(host, "/") {
			return mapping{reason: ReasonNotAWS}
		}
		prefix = host
	}
	svc := cat.Service(prefix)
	if svc == nil {
		return mapping{prefix: prefix, reason: ReasonNoService}
	}
	prefix = svc.Prefix
	m := mapping{prefix: prefix}
	if perItem[prefix+":"+name] {
		m.reason = ReasonPerItemAction
		return m
	}
	for _, n := range candidateNames(name) {
		if targets, ok := renames[prefix][n]; ok {
			for _, t := range targets {
				if a := cat.Action(prefix + ":" + t); a != nil {
					m.actions = append(m.actions, a)
				}
			}
			break
		}
		if a := cat.Action(prefix + ":" + n); a != nil {
			m.actions = []*catalog.Action{a}
			break
		}
	}
	if len(m.actions) == 0 && prefix == "apigateway" {
		for _, v := range apigatewayVerbs {
			if strings.HasPrefix(name, v.prefix) {
				if a := cat.Action("apigateway:" + v.verb); a != nil {
					m.actions = []*catalog.Action{a}
				}
				break
			}
		}
	}
	if len(m.actions) == 1 && permissionFree[m.actions[0].String()] {
		return mapping{prefix: prefix, free: true}
	}
	if len(m.actions) == 0 {
		m.reason = ReasonNoAction
	}
	return m
}

// candidateNames returns the event name and, for operations CloudTrail
// records under a versioned API name (Lambda's "GetFunction20150331v2",
// CloudFront's "GetDistribution2020_05_31"), the name without the version.
func candidateNames(name string) []string {
	if base := undated(name); base != name && base != "" {
		return []string{name, base}
	}
	return []string{name}
}

// undated strips a trailing API version: "20150331", "20150331v2",
// "2020_05_31".
func undated(name string) string {
	s := name
	if i := strings.LastIndexByte(s, 'v'); i > 0 && i < len(s)-1 && allDigits(s[i+1:]) {
		s = s[:i]
	}
	if n := len(s); n > 8 && allDigits(s[n-8:]) && s[n-8] == '2' {
		return s[:n-8]
	}
	if n := len(s); n > 10 && s[n-10] == '2' && allDigits(s[n-10:n-6]) && s[n-6] == '_' && allDigits(s[n-5:n-3]) && s[n-3] == '_' && allDigits(s[n-2:]) {
		return s[:n-10]
	}
	return name
}

func allDigits(s string) bool {
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
