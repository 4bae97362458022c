/**
 * Operations the tests, the benchmark and the soak all run (the whole Legal Secretaries framework, a page of
 * occupations with their anchors, the router's `_entities` calls). Here, not under tests/, because scripts import
 * them too and scripts must not depend on tests.
 */

/** The whole Legal Secretaries framework in one query. */
export const FULL_FRAMEWORK_QUERY = /* GraphQL */ `
  query LegalSecretariesFramework($code: String!) {
    occupation(code: $code) {
      code
      title
      framework {
        title
        version
        context
        jobZone { zone name }
        levels { key name band rank statements { id position subject performance citations { label } } }
        aiUsage { key name statements { id position title text citations { position label title locator source { id name version licence url } } } }
        evidence {
          aei { taskObservations augmentSharePercent timeSavedPercent aiAutonomy }
          safi { topSkill score scoreMax quadrant precision }
          wef { name id }
        }
        durableSkills {
          key name rank publishedStatementCount listedStatementCount
          levels { key name statements { id position title text citations { position label title locator source { id } } } }
        }
        anchors { publishedCount relatedTitles rapidsApprenticeships cipCodes skills knowledge abilities workStyles technology tasks }
        sources { id name shortName publisher version licence url }
        dataQualityWarnings { path message }
        page { publisher copyright sourcesLine aiUsageCoverageNote }
      }
    }
  }
`;

/** A page of 100 occupations with a few of their O*NET anchor lists each (benchmark; must pass production limits). */
export const OCCUPATIONS_WITH_ANCHORS_QUERY = /* GraphQL */ `
  query OccupationsWithAnchors {
    occupations(first: 100) {
      totalCount
      edges {
        cursor
        node {
          code title socCode
          jobZone { zone name }
          skills { release items { element { id name } importance level } }
          knowledge { items { element { id name } importance } }
          tasks(first: 5) { totalCount edges { node { id statement type } } }
          technologySkills(first: 5, hotOnly: true) { totalCount edges { node { name hot } } }
          alternateTitles(first: 5) { edges { node { title } } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** What a router sends to resolve a batch of Occupation references (benchmark: 100 representations). */
export const OCCUPATION_ENTITIES_QUERY = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Occupation { code title socCode jobZone { zone name } hasFramework }
    }
  }
`;

/**
 * What a router sends to enrich a page of job postings (issue 11): the list fields of each Occupation
 * representation. The benchmark sends 20, 50 or 1 random codes; tests check its answers byte for byte.
 */
export const ENRICHMENT_QUERY = /* GraphQL */ `
  query Enrichment($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Occupation {
        code title jobZone { zone name } skills { items { element { name } importance level } } tasks(first: 5) { edges { node { statement } } } technologySkills(first: 10) { edges { node { name hot } } } framework { levels { name band } }
      }
    }
  }
`;

/**
 * Everything about one occupation (issue 24's size table and the compression benchmark): its whole framework, as
 * FULL_FRAMEWORK_QUERY selects it, every O*NET list with every field (each connection at its largest page), its
 * crosswalks, its changes since 30.1, and its 50 career moves each way with their skill gaps.
 */
export const EVERYTHING_QUERY = /* GraphQL */ `
  query Everything($code: String!) {
    occupation(code: $code) {
      id code socCode majorGroup title description release hasFramework
      jobZone { zone name education experience jobTraining examples svpRange }
      framework {
        title version context
        levels { key name band rank statements { id position subject performance citations { label } } }
        aiUsage { key name statements { id position title text citations { position label title locator source { id name version licence url } } } }
        evidence { aei { taskObservations augmentSharePercent timeSavedPercent aiAutonomy } safi { topSkill score scoreMax quadrant precision } wef { name id } }
        durableSkills { key name rank publishedStatementCount listedStatementCount levels { key name statements { id position title text citations { position label title locator source { id } } } } }
        anchors { publishedCount relatedTitles rapidsApprenticeships cipCodes skills knowledge abilities workStyles technology tasks }
        sources { id name shortName publisher version licence url }
        dataQualityWarnings { path message }
        page { publisher copyright sourcesLine aiUsageCoverageNote }
      }
      alternateTitles(first: 100) { totalCount edges { cursor node { title shortTitle sources } } pageInfo { hasNextPage endCursor } }
      reportedTitles { title shownInMyNextMove }
      tasks(first: 100) { totalCount edges { cursor node { id statement type incumbentsResponding date domainSource } } pageInfo { hasNextPage endCursor } }
      technologySkills(first: 100) { totalCount edges { cursor node { name commodityCode commodityTitle hot inDemand } } pageInfo { hasNextPage endCursor } }
      tools(first: 100) { totalCount edges { cursor node { name commodityCode commodityTitle } } pageInfo { hasNextPage endCursor } }
      skills { release unavailableReason items { element { id name } importance level date domainSource release scores { scaleId scaleName minimum maximum value recommendSuppress notRelevant } } }
      knowledge { release unavailableReason items { element { id name } importance level date domainSource release scores { scaleId scaleName minimum maximum value recommendSuppress notRelevant } } }
      abilities { release unavailableReason items { element { id name } importance level scores { scaleId value } } }
      workStyles { release unavailableReason items { element { id name } importance level date domainSource release scores { scaleId scaleName minimum maximum value recommendSuppress notRelevant } } }
      interests { release unavailableReason items { element { id name } date domainSource release scores { scaleId scaleName minimum maximum value recommendSuppress notRelevant } } }
      workValues { release unavailableReason items { element { id name } date domainSource release scores { scaleId scaleName minimum maximum value recommendSuppress notRelevant } } }
      requiredEducation: education(distribution: REQUIRED_LEVEL_OF_EDUCATION) { category label percent recommendSuppress }
      workExperience: education(distribution: RELATED_WORK_EXPERIENCE) { category label percent recommendSuppress }
      onSiteTraining: education(distribution: ON_SITE_OR_IN_PLANT_TRAINING) { category label percent recommendSuppress }
      onTheJobTraining: education(distribution: ON_THE_JOB_TRAINING) { category label percent recommendSuppress }
      emergingTasks { id statement category originalTaskId originalTask date domainSource }
      relatedOccupations { tier rank occupation { code title } }
      crosswalks { id soc2010 { id code title } onetSoc2010 { id code title } isco08 { id code } esco { id label iscoCode confidence } }
      changes(since: "30.1") { id occupationCode kind file subject before after from to }
      careerMoves(first: 50, direction: ANY) { id similarity direction occupation { code title } skillGaps { element { id name } fromLevel toLevel toImportance } }
      careerMovesInto(first: 50, direction: ANY) { id similarity direction occupation { code title } skillGaps { element { id name } fromLevel toLevel toImportance } }
    }
  }
`;
