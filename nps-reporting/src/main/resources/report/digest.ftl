${l.digestSubject}

${l.digestIntro} (${period})
<#if nps.has>
${l.nps} ${nps.score} ± ${nps.moe}
${l.responses}: ${nps.responses} — ${l.promoters} ${nps.promoters} (${nps.promotersPercent}), ${l.passives} ${nps.passives} (${nps.passivesPercent}), ${l.detractors} ${nps.detractors} (${nps.detractorsPercent})
<#else>
${l.noResponses}
</#if>
<#if comparison.present>
${l.comparison}: <#if comparison.known>${comparison.delta} (${l.previous}: ${comparison.previous.score} ± ${comparison.previous.moe}) — </#if>${comparison.verdict}
</#if>

${l.themes}:
<#if themes?has_content>
<#list themes as t>- ${t.label}: ${t.total} (${l.detractors?lower_case} ${t.detractors})
</#list>
<#else>
${l.noThemes}
</#if>
<#if drivers?has_content>

${l.digestDrivers}:
<#list drivers as d>- ${d.label} (${d.scale}): ${l.driverHigh} ${d.high.score}, ${l.driverLow} ${d.low.score} — ${l.difference?lower_case} ${d.difference} — ${d.verdict}
</#list>
</#if>

${l.digestOpenFollowUps}: ${openFollowUps} (${l.digestOverdue}: ${overdue})

${l.digestLink}: ${link}

${l.digestFooter}
