/** Operations shared by tests (and the benchmark): the whole Legal Secretaries framework in one query. */
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
