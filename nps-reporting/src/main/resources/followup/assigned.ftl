${l.intro}

${l.score}: ${score} (${category})
${l.customer}: ${customer}
${l.consent}: ${consent}
${l.due}: ${due}

<#if comment??>${l.comment}:
${comment}
<#else>${l.noComment}
</#if>
${l.open}: ${link}
