<#-- Survey invitation, plain-text part (no HTML escaping: this is not HTML). -->
<#if testNotice??>*** ${testNotice} ***

</#if>
<#if firstName??>${labels.greeting} ${firstName},

</#if>
${question}

<#list scoreLinks as link>
${link.score}: ${link.url}
</#list>

0 = ${labels.notLikely}, 10 = ${labels.veryLikely}
${labels.oneClick}

--
<#if postalAddress??>${brandName} · ${postalAddress}
</#if>
${labels.unsubscribe}: ${unsubscribeUrl}
