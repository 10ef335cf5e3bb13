package awsiam

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
)

// snapshot is the GAAD response as the AWS CLI prints it (pages merged) or
// as an SDK's response serializes. Lists are pointers so that a list the
// snapshot leaves out (a --filter without it) is told from an empty one.
type snapshot struct {
	UserDetailList  *[]userDetail   `json:"UserDetailList"`
	GroupDetailList *[]groupDetail  `json:"GroupDetailList"`
	RoleDetailList  *[]roleDetail   `json:"RoleDetailList"`
	Policies        *[]policyDetail `json:"Policies"`
	// IsTruncated, Marker (the API's) and NextToken (the CLI's, with
	// --max-items) say that more entities are on pages the snapshot lacks.
	IsTruncated bool   `json:"IsTruncated"`
	Marker      string `json:"Marker"`
	NextToken   string `json:"NextToken"`
}

type userDetail struct {
	Path                    string            `json:"Path"`
	UserName                string            `json:"UserName"`
	Arn                     string            `json:"Arn"`
	CreateDate              timestamp         `json:"CreateDate"`
	UserPolicyList          []inlinePolicy    `json:"UserPolicyList"`
	GroupList               []string          `json:"GroupList"`
	AttachedManagedPolicies []attachedPolicy  `json:"AttachedManagedPolicies"`
	PermissionsBoundary     *permissionsBound `json:"PermissionsBoundary"`
	Tags                    []tag             `json:"Tags"`
}

type groupDetail struct {
	Path                    string           `json:"Path"`
	GroupName               string           `json:"GroupName"`
	Arn                     string           `json:"Arn"`
	CreateDate              timestamp        `json:"CreateDate"`
	GroupPolicyList         []inlinePolicy   `json:"GroupPolicyList"`
	AttachedManagedPolicies []attachedPolicy `json:"AttachedManagedPolicies"`
}

type roleDetail struct {
	Path                     string            `json:"Path"`
	RoleName                 string            `json:"RoleName"`
	Arn                      string            `json:"Arn"`
	CreateDate               timestamp         `json:"CreateDate"`
	AssumeRolePolicyDocument json.RawMessage   `json:"AssumeRolePolicyDocument"`
	InstanceProfileList      []instanceProfile `json:"InstanceProfileList"`
	RolePolicyList           []inlinePolicy    `json:"RolePolicyList"`
	AttachedManagedPolicies  []attachedPolicy  `json:"AttachedManagedPolicies"`
	PermissionsBoundary      *permissionsBound `json:"PermissionsBoundary"`
	Tags                     []tag             `json:"Tags"`
	RoleLastUsed             *roleLastUsed     `json:"RoleLastUsed"`
}

type policyDetail struct {
	PolicyName        string          `json:"PolicyName"`
	Arn               string          `json:"Arn"`
	Path              string          `json:"Path"`
	DefaultVersionID  string          `json:"DefaultVersionId"`
	PolicyVersionList []policyVersion `json:"PolicyVersionList"`
}

type policyVersion struct {
	// Document is URL-encoded JSON text in the API's response; the CLI
	// prints it decoded, as a JSON object.
	Document         json.RawMessage `json:"Document"`
	VersionID        string          `json:"VersionId"`
	IsDefaultVersion bool            `json:"IsDefaultVersion"`
}

type inlinePolicy struct {
	PolicyName     string          `json:"PolicyName"`
	PolicyDocument json.RawMessage `json:"PolicyDocument"`
}

type attachedPolicy struct {
	PolicyName string `json:"PolicyName"`
	PolicyArn  string `json:"PolicyArn"`
}

type permissionsBound struct {
	PermissionsBoundaryArn string `json:"PermissionsBoundaryArn"`
}

type tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

type instanceProfile struct {
	InstanceProfileName string `json:"InstanceProfileName"`
	Arn                 string `json:"Arn"`
	Tags                []tag  `json:"Tags"`
}

type roleLastUsed struct {
	LastUsedDate timestamp `json:"LastUsedDate"`
}

// timestamp is a date as snapshots write it: an ISO 8601 string (the API's
// "2024-01-02T03:04:05Z", the CLI's "2024-01-02T03:04:05+00:00", Python's
// str() "2024-01-02 03:04:05+00:00") or epoch seconds. A date that is none
// of these does not fail the load: it is reported and left unknown.
type timestamp struct {
	present bool
	ok      bool
	t       time.Time
	raw     string
}

// timestampLayouts are the string forms read, fractional seconds optional.
var timestampLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00"}

func (ts *timestamp) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	*ts = timestamp{present: true, raw: string(b)}
	var s string
	if json.Unmarshal(b, &s) == nil {
		for _, layout := range timestampLayouts {
			if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
				ts.t, ts.ok = t.UTC(), true
				return nil
			}
		}
		return nil
	}
	if f, err := strconv.ParseFloat(string(b), 64); err == nil && f >= 0 && f < 1e11 {
		sec := int64(f)
		ts.t, ts.ok = time.Unix(sec, int64((f-float64(sec))*1e9)).UTC(), true
	}
	return nil
}
