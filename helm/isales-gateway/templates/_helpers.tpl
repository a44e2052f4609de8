{{/* Chart name, overridable. */}}
{{- define "isales-gateway.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full resource name: <release>-<chart>, or the release name when it contains the chart name. */}}
{{- define "isales-gateway.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* chart label value */}}
{{- define "isales-gateway.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select the pods (must never change between releases). */}}
{{- define "isales-gateway.selectorLabels" -}}
app.kubernetes.io/name: {{ include "isales-gateway.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of every resource. */}}
{{- define "isales-gateway.labels" -}}
helm.sh/chart: {{ include "isales-gateway.chart" . }}
{{ include "isales-gateway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* ServiceAccount name. */}}
{{- define "isales-gateway.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "isales-gateway.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Image reference. The tag is made a string: `--set image.tag=20240101` gives Helm an integer and
`tag: 20240101` in a values file a float; a tag with a fraction lost its trailing zeros to YAML
(`tag: 1.10` reads 1.1), which no template can undo, so it is refused.
*/}}
{{- define "isales-gateway.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if kindIs "float64" $tag }}
{{- if ne (float64 (int64 $tag)) $tag }}
{{- fail (printf "image.tag %v is a number to YAML, which drops trailing zeros (1.10 reads 1.1): quote the tag, e.g. tag: \"1.10\"" $tag) }}
{{- end }}
{{- $tag = int64 $tag }}
{{- end }}
{{- printf "%s:%s" .Values.image.repository (toString $tag) }}
{{- end }}

{{/* Whether the iSales pairs come as a document mounted from a Secret (ISALES_CREDENTIALS_FILE). */}}
{{- define "isales-gateway.credentialsFile" -}}
{{- if or .Values.isales.credentials.existingSecret .Values.isales.credentials.document }}true{{ end }}
{{- end }}

{{/* Name of the Secret holding the credentials document (existing, or created from credentials.document). */}}
{{- define "isales-gateway.credentialsSecretName" -}}
{{- if .Values.isales.credentials.existingSecret }}
{{- .Values.isales.credentials.existingSecret }}
{{- else }}
{{- printf "%s-credentials" (include "isales-gateway.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* Directory where the credentials Secret is mounted (a directory: a subPath mount never sees updates). */}}
{{- define "isales-gateway.credentialsDir" -}}
/etc/isales-gateway/credentials
{{- end }}

{{/* Whether the chart creates the Secret with the iSales AK/SK. */}}
{{- define "isales-gateway.createSecret" -}}
{{- if and (not (include "isales-gateway.credentialsFile" .)) (not .Values.isales.existingSecret) .Values.isales.ak .Values.isales.sk }}true{{ end }}
{{- end }}

{{/* Name of the Secret holding the iSales AK/SK; fails when there is none. */}}
{{- define "isales-gateway.isalesSecretName" -}}
{{- if .Values.isales.existingSecret }}
{{- .Values.isales.existingSecret }}
{{- else if and .Values.isales.ak .Values.isales.sk }}
{{- include "isales-gateway.fullname" . }}
{{- else }}
{{- fail "isales credentials: set isales.credentials.existingSecret (or isales.credentials.document), or isales.existingSecret, or both isales.ak and isales.sk" }}
{{- end }}
{{- end }}

{{/* Directory where the extra iSales CA bundle is mounted. */}}
{{- define "isales-gateway.caDir" -}}
/etc/isales-gateway/ca
{{- end }}

{{/* Name of the Secret holding the API keys document: an existing one, the chart's, or none. */}}
{{- define "isales-gateway.apiKeysSecretName" -}}
{{- if .Values.auth.existingSecret }}
{{- .Values.auth.existingSecret }}
{{- else if .Values.auth.apiKeys }}
{{- printf "%s-api-keys" (include "isales-gateway.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/* Directory where the API keys document is mounted. */}}
{{- define "isales-gateway.apiKeysDir" -}}
/etc/isales-gateway/auth
{{- end }}
